"""JupyterLab for cfcml's notebooks without pip: the front end that `npm run lab:build` assembles from
JupyterLab's npm packages (lab/build/), served by jupyterlab_server's LabServerApp on jupyter_server
(Debian: python3-jupyterlab-server, python3-jupyter-server). `npm run notebooks` starts it when no
JupyterLab of the user's own is installed; command-line options are jupyter_server's
(e.g. --ServerApp.port=8888). See docs/LAB.md.
"""
import getpass
import json
import os
import sys

from jupyter_core.paths import jupyter_config_dir
from jupyter_server.base.handlers import APIHandler
from jupyter_server.utils import url_path_join
from jupyterlab_server import LabServerApp
from tornado import web
from tornado.web import StaticFileHandler

HERE = os.path.dirname(os.path.abspath(__file__))
BUILD = os.path.join(HERE, "build")
# Debian's libjs-mathjax: MathJax 2, which @jupyterlab/mathjax2-extension loads (the server's default is
# a CDN, unreachable on offline machines).
MATHJAX_DIR = os.environ.get("CFCML_MATHJAX_DIR", "/usr/share/javascript/mathjax")
# Settings and workspaces of this Lab, apart from those of another JupyterLab version on the machine.
STATE_DIR = os.path.join(jupyter_config_dir(), "cfcml-lab")

with open(os.path.join(HERE, "package.json"), encoding="utf-8") as f:
    LAB_VERSION = json.load(f)["dependencies"]["@jupyterlab/application"]


class IdentityHandler(APIHandler):
    """`GET /api/me`: who is logged in. JupyterLab 3.6's front end asks for it; jupyter_server answers it
    only from version 2 on (Debian's is 1.x), so without it every page load logs a 404. A token-protected
    server has one user: the account that runs it."""

    @web.authenticated
    def get(self):
        user = getpass.getuser()
        identity = {"username": user, "name": user, "display_name": user, "initials": user[:1].upper(),
                    "avatar_url": None, "color": None}
        self.finish(json.dumps({"identity": identity, "permissions": {}}))


def _jupyter_server_extension_points():
    return [{"module": __name__, "app": CfcmlLab}]


class CfcmlLab(LabServerApp):
    name = "cfcml_lab"
    extension_url = "/lab"
    default_url = "/lab"
    # Only this front end: another server extension installed system-wide (e.g. the classic Notebook's
    # nbclassic shim) is not needed and could expect a different jupyter_server.
    load_other_extensions = False
    app_name = "JupyterLab"
    app_version = LAB_VERSION
    # page_config.json there leaves out the plugins whose server side is JupyterLab's own Python package.
    app_settings_dir = os.path.join(HERE, "application_settings")
    schemas_dir = os.path.join(BUILD, "schemas")
    static_dir = os.path.join(BUILD, "static")
    templates_dir = os.path.join(HERE, "templates")
    themes_dir = os.path.join(BUILD, "themes")
    user_settings_dir = os.path.join(STATE_DIR, "user-settings")
    workspaces_dir = os.path.join(STATE_DIR, "workspaces")

    def initialize_handlers(self):
        super().initialize_handlers()
        self.handlers.append((r"/api/me", IdentityHandler))
        if os.path.isfile(os.path.join(MATHJAX_DIR, "MathJax.js")):
            self.handlers.append((r"/cfcml-mathjax/(.*)", StaticFileHandler, {"path": MATHJAX_DIR}))

    def initialize_settings(self):
        super().initialize_settings()
        settings = self.serverapp.web_app.settings
        if os.path.isfile(os.path.join(MATHJAX_DIR, "MathJax.js")):
            settings["mathjax_url"] = url_path_join(settings["base_url"], "cfcml-mathjax/MathJax.js")


def main():
    if not os.path.isfile(os.path.join(BUILD, "static", "bundle.js")):
        sys.exit(f"cfcml-lab: the front end is not built ({BUILD}); run `npm run lab:build`")
    CfcmlLab.launch_instance()


if __name__ == "__main__":
    main()
