"""Messages: the reader's side (build, preview, photo) and the words on its pages (en, id)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # -- help ----------------------------------------------------------------------------------
    "help.build": (
        "Write the public site from what is committed and published.",
        "Tulis situs publik dari yang sudah di-commit dan terbit.",
    ),
    "help.build.out": ("Output folder [default: _site].", "Folder keluaran [bawaan: _site]."),
    "help.build.now": (
        "Build as of this RFC 3339 time [default: HEAD's commit time].",
        "Bangun per waktu RFC 3339 ini [bawaan: waktu commit HEAD].",
    ),
    "help.preview": (
        "Serve the working tree, drafts included, on 127.0.0.1; pages reload on every save.",
        "Sajikan working tree, termasuk draf, di 127.0.0.1; halaman dimuat ulang tiap disimpan.",
    ),
    "help.preview.article": (
        "Open this article (slug, id or path).",
        "Buka artikel ini (slug, id atau jalur).",
    ),
    "help.preview.port": (
        "Port on 127.0.0.1 (0: any free one).",
        "Port di 127.0.0.1 (0: yang kosong).",
    ),
    "help.photo": (
        "Copy an image into media/ (location data removed) and set it as the article's photo.",
        "Salin gambar ke media/ (data lokasi dihapus) dan pasang sebagai foto artikel.",
    ),
    "help.photo.article": (
        "Slug, id (or a unique start of one), or path.",
        "Slug, id (atau awalannya), atau jalur.",
    ),
    "help.photo.image": ("A JPEG, PNG or WebP image.", "Gambar JPEG, PNG atau WebP."),
    "help.photo.caption": ("What the photo shows.", "Keterangan foto."),
    "help.photo.credit": ("Who took it.", "Siapa yang memotret."),
    # -- words on the public pages -------------------------------------------------------------
    "site.latest": ("Latest news", "Berita Terkini"),
    "site.more": ("More from this category", "Baca Lainnya"),
    "site.categories": ("Categories", "Kategori"),
    "site.group_category": ("Category", "Kategori"),
    "site.group_tag": ("Tag", "Tag"),
    "site.archives": ("Archive", "Arsip"),
    "site.archive_page": ("archive {number}", "arsip {number}"),
    "site.back_to_latest": ("Back to the latest", "Kembali ke yang terbaru"),
    "site.empty": ("Nothing published here yet.", "Belum ada berita di sini."),
    "site.editor": ("Editor", "Editor"),
    "site.publisher": ("Publisher", "Publisher"),
    "site.reporter": ("Reporter", "Reporter"),
    "site.photo_credit": ("photo: {credit}", "foto: {credit}"),
    "site.corrections": ("Corrections", "Ralat dan koreksi"),
    "site.corrected": (
        "This story was corrected ({count}): see the note at the end",
        "Berita ini telah diperbaiki ({count}): lihat catatan di akhir berita",
    ),
    "site.correction.ralat": ("Erratum", "Ralat"),
    "site.correction.koreksi": ("Correction", "Koreksi"),
    "site.correction.klarifikasi": ("Clarification", "Klarifikasi"),
    "site.correction.hak-jawab": ("Right of reply", "Hak jawab"),
    "site.retracted": ("This story has been withdrawn", "Berita ini telah dicabut"),
    "site.retracted_when": ("Withdrawn on {when}.", "Dicabut pada {when}."),
    "site.retracted_ground": ("Ground:", "Alasan pencabutan:"),
    "site.retracted_reason": ("Reason:", "Keterangan:"),
    "site.ground.sara": (
        "it touches on ethnicity, religion, race or intergroup relations (SARA)",
        "terkait SARA (suku, agama, ras dan antargolongan)",
    ),
    "site.ground.kesusilaan": ("decency", "kesusilaan"),
    "site.ground.anak": ("to protect a child's future", "melindungi masa depan anak"),
    "site.ground.trauma": ("to spare a victim's trauma", "mencegah trauma korban"),
    "site.ground.dewan-pers": (
        "on the considerations of the Press Council (Dewan Pers)",
        "atas pertimbangan Dewan Pers",
    ),
    "site.moved": (
        "This story has moved: continue here.",
        "Berita ini telah pindah: lanjut ke sini.",
    ),
    "site.preview_banner": (
        "Preview: this story is {state}; readers cannot see it",
        "Pratinjau: berita ini berstatus {state}; pembaca belum dapat melihatnya",
    ),
    "site.desk": ("On the desk (preview only)", "Di meja redaksi (hanya pratinjau)"),
    "site.state.draft": ("draft", "draf"),
    "site.state.review": ("in review", "menunggu tinjauan"),
    "site.state.edit": ("being edited", "sedang disunting"),
    "site.state.scheduled": ("scheduled", "terjadwal"),
    "site.state.published": ("published", "terbit"),
    "site.state.retracted": ("retracted", "dicabut"),
    "site.state.embargoed": ("under embargo", "di bawah embargo"),
    # -- build ---------------------------------------------------------------------------------
    "build.done": (
        "built {pages} pages into {out} ({written} written, {removed} removed); to read it as "
        "readers will: python3 -m http.server -d {out} 8000, then open http://127.0.0.1:8000/",
        "{pages} halaman dibangun di {out} ({written} ditulis, {removed} dihapus); untuk "
        "membacanya seperti pembaca: python3 -m http.server -d {out} 8000, lalu buka "
        "http://127.0.0.1:8000/",
    ),
    "build.no_site_url": (
        "site.url is not set in redaksi.yaml: feeds and sitemaps use {base} until you add it",
        "site.url belum diisi di redaksi.yaml: feed dan sitemap memakai {base} sampai diisi",
    ),
    "build.out_foreign": (
        "{out} is not empty and was not written by redaksi build (no {marker} in it); "
        "choose another --out or empty it",
        "{out} tidak kosong dan bukan hasil redaksi build (tidak ada {marker}); "
        "pilih --out lain atau kosongkan",
    ),
    "build.out_inside": (
        "--out {out} would be inside articles/, media/ or .git; choose a folder of its own",
        "--out {out} berada di dalam articles/, media/ atau .git; pilih folder tersendiri",
    ),
    "build.no_commit": (
        "nothing is committed yet: build reads what HEAD holds; commit first",
        "belum ada commit: build membaca isi HEAD; buat commit dulu",
    ),
    "build.missing_object": (
        "git does not have {path} here (a partial or sparse clone?): fetch it "
        "(git fetch --refetch, or a full clone) and build again",
        "git tidak memiliki {path} di sini (partial/sparse clone?): ambil dulu "
        "(git fetch --refetch, atau clone penuh) lalu build lagi",
    ),
    "build.unreadable": (
        "{path} cannot be read as an article and is left out of the site; run redaksi validate",
        "{path} tidak terbaca sebagai artikel dan tidak dimuat di situs; jalankan redaksi validate",
    ),
    "build.photo_missing": (
        "{path}: its photo media/{file} is missing or not a JPEG, PNG or WebP; shown without it",
        "{path}: fotonya media/{file} tidak ada atau bukan JPEG, PNG atau WebP; tampil tanpa foto",
    ),
    "build.template_failed": (
        "{template} failed while rendering {page}: {problem}; fix the template, or remove it to "
        "use the built-in one, and build again",
        "{template} gagal saat merender {page}: {problem}; perbaiki templatnya, atau hapus untuk "
        "memakai bawaan, lalu build lagi",
    ),
    "build.bad_now": (
        "--now '{value}' is not an RFC 3339 time with an offset "
        "(such as 2025-03-04T16:17:00+07:00)",
        "--now '{value}' bukan waktu RFC 3339 dengan zona (misalnya 2025-03-04T16:17:00+07:00)",
    ),
    # -- preview -------------------------------------------------------------------------------
    "preview.serving": (
        "previewing {root} at {url} (drafts included; Ctrl-C stops)",
        "pratinjau {root} di {url} (termasuk draf; Ctrl-C untuk berhenti)",
    ),
    "preview.port_busy": (
        "port {port} on 127.0.0.1 is in use; choose another with --port",
        "port {port} di 127.0.0.1 sedang dipakai; pilih yang lain dengan --port",
    ),
    "preview.stopped": ("preview stopped", "pratinjau dihentikan"),
    # -- photos --------------------------------------------------------------------------------
    "photo.done": (
        "photo {file} set on {path} ({commit})",
        "foto {file} dipasang pada {path} ({commit})",
    ),
    "photo.waits": (
        "not committed yet: it goes in with the article's next step",
        "belum di-commit: ikut bersama langkah berikutnya artikel ini",
    ),
    "photo.not_image": (
        "{path} is not a JPEG, PNG or WebP image (read from its bytes)",
        "{path} bukan gambar JPEG, PNG atau WebP (dibaca dari isinya)",
    ),
    "photo.too_large": (
        "{path} is {size} MB; the newsroom allows at most {limit} MB (max_photo_mb)",
        "{path} berukuran {size} MB; batas redaksi {limit} MB (max_photo_mb)",
    ),
    "photo.exists_different": (
        "media/{file} already exists with different bytes; rename the image and try again",
        "media/{file} sudah ada dengan isi berbeda; ganti nama gambar lalu coba lagi",
    ),
    "photo.frozen": (
        "{path} is {status}: its photo changes only through a correction; "
        "a photo can be set while it is draft, review or edit",
        "{path} berstatus {status}: fotonya tidak bisa diganti lewat photo; "
        "foto dapat dipasang selama draf, review atau edit",
    ),
    "photo.missing_caption": (
        "a photo needs --caption and --credit",
        "foto memerlukan --caption dan --credit",
    ),
    "photo.bad_name": (
        "{name} cannot be a file name under media/; rename the image (letters, digits, - and _)",
        "{name} tidak bisa menjadi nama berkas di media/; "
        "ganti nama gambar (huruf, angka, - dan _)",
    ),
    # -- validate's photo rules ----------------------------------------------------------------
    "rule.photo_missing": (
        "photo file media/{file} does not exist",
        "berkas foto media/{file} tidak ada",
    ),
    "rule.photo_symlink": (
        "photo file media/{file} is a symbolic link; put the image itself there",
        "berkas foto media/{file} adalah symlink; simpan gambarnya sendiri di sana",
    ),
    "rule.photo_kind": (
        "photo file media/{file} is not the {expected} its name says ({found})",
        "berkas foto media/{file} bukan {expected} seperti namanya ({found})",
    ),
    "rule.photo_size": (
        "photo file media/{file} is {size} MB, more than max_photo_mb ({limit} MB)",
        "berkas foto media/{file} berukuran {size} MB, melebihi max_photo_mb ({limit} MB)",
    ),
    "rule.photo_path": (
        "photo file '{file}' must be a relative path under media/ "
        "(no '..', no '/' or '\\' at the start)",
        "berkas foto '{file}' harus jalur relatif di dalam media/ "
        "(tanpa '..', tanpa '/' atau '\\' di awal)",
    ),
    "rule.photo_url": (
        "photo url '{url}' must start with https:// (it is never fetched)",
        "url foto '{url}' harus diawali https:// (tidak pernah diunduh)",
    ),
}
