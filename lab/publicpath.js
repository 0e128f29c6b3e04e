// Chunks and assets load from the static URL jupyterlab_server gives this app, known only at run time;
// it must be set before anything else in the bundle runs.
// eslint-disable-next-line no-undef
__webpack_public_path__ = JSON.parse(document.getElementById('jupyter-config-data').textContent).fullStaticUrl + '/';
