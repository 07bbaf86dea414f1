// The web editor at /admin/: what Decap CMS needs to write this site's posts.
// Loaded after decap-cms.js and before Decap starts (it starts on page load).
(function (CMS) {
  "use strict";

  // --- The site's one post format: Pelican's "Key: value" header, a blank
  // line, then Markdown. The same reader and `invoke check` read what this writes.
  var HEADER = [
    ["title", "Title"],
    ["slug", "Slug"],
    ["date", "Date"],
    ["category", "Category"],
    ["tags", "Tags"],
    ["wilayah", "Wilayah"],
    ["summary", "Summary"],
    ["image", "Image"],
    ["image_alt", "Image_Alt"],
    ["image_caption", "Image_Caption"],
    ["old_urls", "Old_Urls"],
    ["share", "Share"],
    ["modified", "Modified"],
    ["status", "Status"],
  ];
  var LISTS = { tags: true, wilayah: true, old_urls: true };

  function oneLine(value) {
    // A header value is one line: a pasted line break would end the header.
    return String(value).replace(/\s+/g, " ").trim();
  }

  function toFile(data) {
    var lines = [];
    HEADER.forEach(function (pair) {
      var value = data[pair[0]];
      if (pair[0] === "share") {
        if (value === false) lines.push("Share: off");
        return;
      }
      if (LISTS[pair[0]]) {
        value = (value || []).map(oneLine).filter(Boolean).join(", ");
      }
      value = value == null ? "" : oneLine(value);
      if (value) lines.push(pair[1] + ": " + value);
    });
    if (data.kept_fields) lines.push(data.kept_fields);
    var body = String(data.body || "").replace(/^\s+|\s+$/g, "");
    return lines.join("\n") + "\n\n" + body + "\n";
  }

  // Read as plugins/kpu_content/header.py reads: "Key: value" lines, lines
  // indented four spaces continue a value, an optional "---" fence, and the
  // header ends at the first blank line. A field the form does not show is
  // kept under its own name and written back, so saving loses nothing.
  function fromFile(text) {
    var data = {};
    var names = {};
    HEADER.forEach(function (pair) {
      names[pair[1].toLowerCase()] = pair[0];
    });
    var lines = text.replace(/\r\n?/g, "\n").split("\n");
    var index = 0;
    var fenced = /^-{3}(\s.*)?$/.test(lines[0] || "");
    if (fenced) index = 1;
    var current = null;
    var extra = [];
    for (; index < lines.length; index++) {
      var line = lines[index];
      if (!line.trim() || (fenced && /^(-{3}|\.{3})(\s.*)?$/.test(line))) {
        index++;
        break;
      }
      var key = /^ {0,3}([A-Za-z0-9_-]+):\s*(.*)$/.exec(line);
      var more = /^ {4,}(.*)$/.exec(line);
      if (key) {
        current = { name: key[1], value: key[2].trim() };
        extra.push(current);
      } else if (more && current) {
        current.value = (current.value + " " + more[1].trim()).trim();
      } else {
        break;
      }
    }
    var kept = [];
    extra.forEach(function (written) {
      var name = names[written.name.toLowerCase()];
      if (!name) {
        kept.push(written.name + ": " + written.value);
      } else if (LISTS[name]) {
        data[name] = written.value ? written.value.split(/\s*,\s*/) : [];
      } else if (name === "share") {
        data.share = written.value !== "off";
      } else {
        data[name] = written.value;
      }
    });
    if (data.share === undefined) data.share = true;
    if (kept.length) data.kept_fields = kept.join("\n");
    data.body = lines.slice(index).join("\n").replace(/^\n+/, "");
    return data;
  }

  CMS.registerCustomFormat("pelican", "md", { fromFile: fromFile, toFile: toFile });

  // --- A photo needs its alternative text, as `invoke check` demands; Decap
  // cannot make one field required by another, so saving stops here instead.
  CMS.registerEventListener({
    name: "preSave",
    handler: function (event) {
      var data = event.entry.get("data");
      if (data.get("image") && !String(data.get("image_alt") || "").trim()) {
        // A string, not an Error: Decap shows it as is, without "Error: " before it.
        throw (
          "foto ini belum punya teks alternatif. Isi \u201cTeks alternatif foto\u201d: " +
          "apa yang tampak di foto."
        );
      }
    },
  });

  // --- The preview, styled by the site's own stylesheet (preview.css).
  var h = window.h;
  var dateFormat = new Intl.DateTimeFormat("id-ID", {
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
  });
  function shortName(value) {
    // As the site writes them: "Sikka", but "Kabupaten Kupang" beside "Kota Kupang".
    if (value === "NTT") return "Se-NTT";
    var short = value.replace(/^Kabupaten /, "");
    return short === "Kupang" ? value : short;
  }

  function longDate(value) {
    var parts = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/.exec(value || "");
    if (!parts) return "";
    var day = new Date(Number(parts[1]), Number(parts[2]) - 1, Number(parts[3]));
    return dateFormat.format(day) + ", " + parts[4] + "." + parts[5] + " WITA";
  }

  CMS.registerPreviewStyle("preview.css");
  CMS.registerPreviewTemplate(
    "berita",
    window.createClass({
      render: function () {
        var data = this.props.entry.get("data");
        var wilayah = data.get("wilayah");
        wilayah = wilayah && wilayah.toJS ? wilayah.toJS() : wilayah || [];
        var image = data.get("image");
        return h(
          "main",
          {},
          h(
            "article",
            {},
            h("h1", {}, data.get("title") || ""),
            h("p", { className: "meta" }, longDate(data.get("date")) + " \u00b7 " + (data.get("category") || "")),
            h(
              "p",
              { className: "meta" },
              "Wilayah: " + wilayah.map(shortName).join(", ")
            ),
            image
              ? h(
                  "figure",
                  {},
                  h("img", { src: this.props.getAsset(image).toString(), alt: data.get("image_alt") || "" }),
                  data.get("image_caption") ? h("figcaption", {}, data.get("image_caption")) : null
                )
              : null,
            this.props.widgetFor("body")
          )
        );
      },
    })
  );

  // --- The interface in Indonesian: Decap has no Indonesian translation, so
  // the phrases an editor meets are translated here and the rest stay English.
  var ID = {
    auth: { login: "Masuk", loggingIn: "Sedang masuk\u2026", loginWithGitHub: "Masuk dengan GitHub" },
    app: {
      header: { content: "Isi", workflow: "Alur kerja", media: "Media", quickAdd: "Tulis baru" },
      app: { loadingConfig: "Memuat pengaturan\u2026", loadingEntries: "Memuat isi\u2026" },
    },
    collection: {
      sidebar: { collections: "Koleksi", allCollections: "Semua koleksi", searchAll: "Cari", searchIn: "Cari di" },
      collectionTop: {
        sortBy: "Urutkan",
        viewAs: "Tampilan",
        newButton: "+ %{collectionLabel} baru",
        newButtonAriaLabel: "Tulis %{collectionLabel} baru",
        ascending: "Naik",
        descending: "Turun",
      },
    },
    editor: {
      editorControl: { field: { optional: "boleh kosong" } },
      editorControlPane: {
        widget: {
          required: "%{fieldLabel} wajib diisi.",
          regexPattern: "%{fieldLabel}: %{pattern}.",
          rangeMin: "%{fieldLabel} perlu paling sedikit %{minCount} pilihan.",
        },
      },
      editor: {
        onLeavePage: "Yakin meninggalkan halaman ini? Perubahan yang belum disimpan akan hilang.",
        onPublishingNotReady: "Ubah status menjadi \u201cSiap\u201d sebelum menerbitkan.",
        onPublishingWithUnsavedChanges: "Ada perubahan yang belum disimpan. Simpan dulu sebelum menerbitkan.",
        onPublishing: "Yakin menerbitkan tulisan ini?",
        loadingEntry: "Memuat tulisan\u2026",
      },
      editorToolbar: {
        publishing: "Menerbitkan\u2026",
        publish: "Terbitkan",
        published: "Terbit",
        publishNow: "Terbitkan sekarang",
        publishAndCreateNew: "Terbitkan dan tulis baru",
        saving: "Menyimpan\u2026",
        save: "Simpan",
        status: "Status: %{status}",
        backCollection: " Menulis di koleksi %{collectionLabel}",
        unsavedChanges: "Belum disimpan",
        changesSaved: "Tersimpan",
        draft: "Draf",
        inReview: "Diperiksa",
        ready: "Siap",
        deleteUnpublishedEntry: "Hapus draf ini",
        deletePublishedEntry: "Hapus tulisan yang sudah terbit",
        deleteEntry: "Hapus",
      },
      editorWidgets: {
        image: { choose: "Pilih foto", chooseDifferent: "Ganti foto", remove: "Hapus foto" },
        datetime: { now: "Sekarang", clear: "Kosongkan" },
      },
    },
    mediaLibrary: {
      mediaLibraryModal: {
        loading: "Memuat\u2026",
        close: "Tutup",
        images: "Foto",
        search: "Cari\u2026",
        uploading: "Mengunggah\u2026",
        upload: "Unggah",
        chooseSelected: "Pakai yang dipilih",
        deleteSelected: "Hapus yang dipilih",
      },
    },
    workflow: {
      workflow: { workflowHeading: "Alur kerja redaksi", newPost: "Tulisan baru" },
      workflowList: { draftHeader: "Draf", inReviewHeader: "Diperiksa", readyHeader: "Siap" },
    },
    ui: {
      default: { goBackToSite: "Kembali ke situs" },
      toast: {
        onFailToPersist: "Gagal menyimpan: %{details}",
        missingRequiredField: "Ada isian wajib yang belum diisi. Lengkapi dulu sebelum menyimpan.",
        entrySaved: "Tersimpan",
        entryPublished: "Terbit",
        entryUpdated: "Status diubah",
        onFailToPublishEntry: "Gagal menerbitkan: %{details}",
      },
    },
  };

  function merged(base, extra) {
    var result = {};
    Object.keys(base).forEach(function (key) {
      result[key] = base[key];
    });
    Object.keys(extra).forEach(function (key) {
      var both = base[key] && typeof base[key] === "object" && typeof extra[key] === "object";
      result[key] = both ? merged(base[key], extra[key]) : extra[key];
    });
    return result;
  }

  CMS.registerLocale("id", merged(CMS.getLocale("en"), ID));
})(window.CMS);
