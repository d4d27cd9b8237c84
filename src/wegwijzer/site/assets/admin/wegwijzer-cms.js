/* Wegwijzer's additions to Decap CMS (loaded after decap-cms.js and js-yaml.min.js).
 *
 * 1. The file format "wegwijzer-yaml": files are read and written the way `wegwijzer
 *    check` reads them. Every value is text (YAML's failsafe schema), so 0451234567,
 *    9.00, 10:00 and no stay exactly what the editor typed; Decap's own YAML reader would
 *    turn them into numbers and booleans. Empty form fields are left out of the file.
 *    Text that another YAML reader could mistake for a number, date or yes/no is quoted.
 * 2. The photo widget "wegwijzer-foto": checks that the file is a photo, re-encodes it as
 *    JPEG (which also drops location data) and stores it next to the face card as
 *    <id>.jpg.
 * 3. Dutch messages that say the same as the checker.
 */
(function () {
  "use strict";
  var CMS = window.CMS;
  var jsyaml = window.jsyaml;
  var h = window.h;
  var createClass = window.createClass;

  // --- 1. the file format ---------------------------------------------------------------

  var MARKER = "_wegwijzer_soort"; // lets the record list leave gemeente.yaml out; never saved

  function fromFile(content) {
    var data = jsyaml.load(content || "", { schema: jsyaml.FAILSAFE_SCHEMA }) || {};
    if (typeof data !== "object" || Array.isArray(data)) {
      throw new Error("Het bestand bevat geen velden zoals 'naam: ...'.");
    }
    data[MARKER] = Object.prototype.hasOwnProperty.call(data, "meldadres") ? "gemeente" : "record";
    return data;
  }

  function isEmpty(value) {
    if (value === null || value === undefined) return true;
    if (typeof value === "string") return value.trim() === "";
    if (Array.isArray(value)) return value.length === 0;
    if (typeof value === "object") return Object.keys(value).length === 0;
    return false;
  }

  function clean(value) {
    if (Array.isArray(value)) {
      return value.map(clean).filter(function (item) { return !isEmpty(item); });
    }
    if (value && typeof value === "object") {
      var out = {};
      Object.keys(value).forEach(function (key) {
        if (key === MARKER) return;
        var cleaned = clean(value[key]);
        if (!isEmpty(cleaned)) out[key] = cleaned;
      });
      return out;
    }
    if (typeof value === "boolean") return value ? "ja" : "nee";
    if (typeof value === "number") return String(value);
    if (typeof value === "string") return value.replace(/\r\n?/g, "\n");
    return value;
  }

  function ordered(data, keys) {
    var out = {};
    (keys || []).forEach(function (key) {
      if (Object.prototype.hasOwnProperty.call(data, key)) out[key] = data[key];
    });
    Object.keys(data).forEach(function (key) {
      if (!Object.prototype.hasOwnProperty.call(out, key)) out[key] = data[key];
    });
    return out;
  }

  function toFile(data, sortedKeys) {
    return jsyaml.dump(ordered(clean(data), sortedKeys), { lineWidth: -1, noRefs: true, quotingType: '"' });
  }

  CMS.registerCustomFormat("wegwijzer-yaml", "yaml", { fromFile: fromFile, toFile: toFile });

  // --- 2. the photo widget --------------------------------------------------------------

  var JPEG_QUALITY = 0.9;
  var MAX_SIDE = 1600; // the site uses at most 480 px; this keeps uploads small

  function slugify(text) {
    return String(text || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  }

  function isImageBytes(bytes) {
    var jpeg = bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
    var png = bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47;
    var webp = String.fromCharCode.apply(null, bytes.slice(0, 4)) === "RIFF" &&
      String.fromCharCode.apply(null, bytes.slice(8, 12)) === "WEBP";
    return jpeg || png || webp;
  }

  // A JPEG of the photo, or a rejected promise when the file is no photo the site can show.
  function toJpeg(file) {
    return file.slice(0, 12).arrayBuffer().then(function (head) {
      if (!isImageBytes(Array.from(new Uint8Array(head)))) throw new Error("geen foto");
      return createImageBitmap(file, { imageOrientation: "from-image" });
    }).then(function (bitmap) {
      var scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
      var canvas = document.createElement("canvas");
      canvas.width = Math.round(bitmap.width * scale);
      canvas.height = Math.round(bitmap.height * scale);
      canvas.getContext("2d").drawImage(bitmap, 0, 0, canvas.width, canvas.height);
      return new Promise(function (resolve, reject) {
        canvas.toBlob(function (blob) { return blob ? resolve(blob) : reject(new Error("geen foto")); },
          "image/jpeg", JPEG_QUALITY);
      });
    });
  }

  function notAPhoto(field, name) {
    var template = field.get("not_a_photo") || "'{naam}' is geen foto die de site kan tonen.";
    return template.replace("{naam}", name);
  }

  var PhotoControl = createClass({
    getInitialState: function () { return { problem: "", busy: false }; },

    // Decap asks this before saving: a refused file blocks the save with our message.
    isValid: function () {
      return this.state.problem ? { error: { message: this.state.problem } } : true;
    },

    cardId: function () {
      var entry = this.props.entry;
      if (entry && !entry.get("newRecord") && entry.get("slug")) return entry.get("slug");
      return slugify(entry && entry.getIn(["data", "naam"])) || "foto";
    },

    choose: function (event) {
      var input = event.target;
      var file = input.files && input.files[0];
      var self = this;
      if (!file) return;
      self.setState({ busy: true, problem: "" });
      toJpeg(file).then(function (jpeg) {
        var name = self.cardId() + ".jpg";
        var named = new File([jpeg], name, { type: "image/jpeg" });
        return Promise.resolve(self.props.onPersistMedia(named, { field: self.props.field })).then(function () {
          self.props.onChange(name);
          self.setState({ busy: false });
        });
      }).catch(function () {
        input.value = "";
        self.setState({ busy: false, problem: notAPhoto(self.props.field, file.name) });
      });
    },

    render: function () {
      var value = this.props.value;
      var id = this.props.forID;
      var children = [
        h("input", {
          key: "input", id: id, type: "file", accept: "image/jpeg,image/png,image/webp",
          className: this.props.classNameWrapper, onChange: this.choose, disabled: this.state.busy,
          "aria-describedby": id + "-status"
        }),
        h("p", { key: "status", id: id + "-status", role: "status" },
          this.state.busy ? "Foto wordt opgeslagen ..." : (value ? "Foto: " + value : "Nog geen foto gekozen."))
      ];
      if (this.state.problem) {
        children.push(h("p", { key: "problem", role: "alert", className: "wegwijzer-foto-fout" }, this.state.problem));
      }
      return h("div", { className: "wegwijzer-foto" }, children);
    }
  });

  var PhotoPreview = createClass({
    render: function () {
      var value = this.props.value;
      if (!value) return h("p", {}, "Geen foto");
      var asset = this.props.getAsset(value, this.props.field);
      return h("img", { src: asset ? asset.toString() : "", alt: "", style: { maxWidth: "120px" } });
    }
  });

  CMS.registerWidget("wegwijzer-foto", PhotoControl, PhotoPreview);

  // --- 3. Dutch messages like the checker's ---------------------------------------------

  var nl = CMS.getLocale("nl");
  if (nl && nl.editor && nl.editor.editorControlPane && nl.editor.editorControlPane.widget) {
    var widget = nl.editor.editorControlPane.widget;
    widget.required = "Het verplichte veld '%{fieldLabel}' ontbreekt. Vul het in.";
    widget.regexPattern = "%{fieldLabel}: %{pattern}";
    CMS.registerLocale("nl", nl);
  }

  CMS.init();
})();
