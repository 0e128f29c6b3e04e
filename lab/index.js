// The application: JupyterLab's shell with the plugin packages listed in package.json (build/plugins.js
// is generated from that list by webpack.config.js), less those the page config disables
// (`disabledExtensions` in lab/application_settings/page_config.json or a labconfig/page_config.json of
// the Jupyter config path), by plugin id or by package name.
import { JupyterLab } from '@jupyterlab/application';
import { PageConfig } from '@jupyterlab/coreutils';
import { extensions, mimeExtensions } from './build/plugins.js';

const styles = import('./build/style.js');

function enabled(pkg, plugin) {
  return !PageConfig.Extension.isDisabled(pkg) && !PageConfig.Extension.isDisabled(plugin.id);
}

/** The enabled plugins of each `[package, module promise]`; a module exports one plugin or an array. */
async function load(entries) {
  const out = [];
  for (const [pkg, loading] of entries) {
    const mod = await loading;
    // An ES module's plugins are its default export; a CommonJS module's, the module itself.
    const exported = Object.prototype.hasOwnProperty.call(mod, '__esModule') ? mod.default : mod;
    for (const plugin of Array.isArray(exported) ? exported : [exported]) {
      if (enabled(pkg, plugin)) out.push(plugin);
    }
  }
  return out;
}

window.addEventListener('load', async () => {
  await styles;
  const lab = new JupyterLab({ mimeExtensions: await load(mimeExtensions) });
  lab.registerPlugins(await load(extensions));
  await lab.start();
  await lab.restored;
  // Marks the page as ready for scripts that drive it (test/system/lab.test.ts).
  document.body.dataset.cfcmlLabRestored = 'true';
});
