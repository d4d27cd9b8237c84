// Decap CMS starts only after wegwijzer-cms.js has registered our file format and photo widget.
window.CMS_MANUAL_INIT = true;
