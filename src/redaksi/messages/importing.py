"""Messages: moving in from WordPress, and verify's rule for an import commit."""

MESSAGES: dict[str, tuple[str, str]] = {
    # -- reading the export ----------------------------------------------------------------------
    "wxr.empty": (
        "the export is empty; export again from WordPress (Tools > Export > All content)",
        "berkas ekspor kosong; ekspor ulang dari WordPress (Alat > Ekspor > Semua konten)",
    ),
    "wxr.malformed": (
        "the export is not well-formed XML ({detail}); nothing was imported: export it again, "
        "or fix the file at this position",
        "berkas ekspor bukan XML yang utuh ({detail}); tidak ada yang diimpor: ekspor ulang, "
        "atau perbaiki berkas di posisi ini",
    ),
    "wxr.not_wxr": (
        "this is not a WordPress export (WXR): <{found}> without wp:wxr_version; export with "
        "WordPress's Tools > Export",
        "ini bukan berkas ekspor WordPress (WXR): <{found}> tanpa wp:wxr_version; ekspor lewat "
        "menu Alat > Ekspor di WordPress",
    ),
    "wxr.version": (
        "WXR version {version} is not supported (1.0, 1.1 and 1.2 are)",
        "WXR versi {version} tidak didukung (yang didukung 1.0, 1.1 dan 1.2)",
    ),
    "wxr.doctype": (
        "the export declares a document type or entities, which WordPress never writes; "
        "refused (this is how XML bombs start)",
        "berkas ekspor memuat deklarasi tipe dokumen atau entitas, yang tidak pernah ditulis "
        "WordPress; ditolak (begitulah bom XML dibuat)",
    ),
    "import.not_a_file": ("'{path}' is not a file", "'{path}' bukan berkas"),
    "import.changed": (
        "'{path}' changed while it was being read; nothing was imported: try again once it is "
        "complete",
        "'{path}' berubah saat sedang dibaca; tidak ada yang diimpor: coba lagi setelah berkas "
        "itu lengkap",
    ),
    # -- refusals --------------------------------------------------------------------------------
    "import.schema_old": (
        "this newsroom's schema (schemas/article.schema.json) does not know imported articles; "
        "run 'redaksi init --upgrade' first",
        "skema redaksi ini (schemas/article.schema.json) belum mengenal artikel impor; "
        "jalankan 'redaksi init --upgrade' dulu",
    ),
    "import.config_dirty": (
        "{path} has uncommitted changes and the import must add categories to it; commit or "
        "stash them first; nothing was imported",
        "{path} punya perubahan yang belum di-commit, padahal impor perlu menambah kategori di "
        "sana; commit atau stash dulu; tidak ada yang diimpor",
    ),
    "import.config_unwritable": (
        "redaksi cannot add categories to {path} without touching other lines; write "
        "'categories:' as one list and try again; nothing was imported",
        "redaksi tidak bisa menambah kategori ke {path} tanpa mengubah baris lain; tulis "
        "'categories:' sebagai satu daftar lalu coba lagi; tidak ada yang diimpor",
    ),
    "import.unwritable": (
        "a value cannot be written as YAML that reads back the same",
        "ada nilai yang tidak bisa ditulis sebagai YAML yang terbaca kembali sama",
    ),
    # -- the report ------------------------------------------------------------------------------
    "import.progress": ("Importing", "Mengimpor"),
    "import.dry_run": (
        "dry run: nothing was written; without --dry-run this makes one commit",
        "uji coba: tidak ada yang ditulis; tanpa --dry-run ini menjadi satu commit",
    ),
    "import.done": (
        "imported {count} article(s) from {site} in commit {commit}",
        "{count} artikel dari {site} diimpor dalam commit {commit}",
    ),
    "import.nothing": (
        "nothing new to import from {site}; no commit was made",
        "tidak ada yang baru untuk diimpor dari {site}; tidak ada commit",
    ),
    "import.would": (
        "would import {count} article(s): {states}",
        "akan mengimpor {count} artikel: {states}",
    ),
    "import.imported": (
        "imported {count} article(s): {states}",
        "{count} artikel diimpor: {states}",
    ),
    "import.already": (
        "already in the newsroom, left as they are: {count}",
        "sudah ada di redaksi, dibiarkan apa adanya: {count}",
    ),
    "import.skipped": ("skipped: {count} ({reasons})", "dilewati: {count} ({reasons})"),
    "import.skipped_post": (
        "  post {id} '{title}': {reason}",
        "  tulisan {id} '{title}': {reason}",
    ),
    "import.categories": (
        "categories added to redaksi.yaml: {names}",
        "kategori yang ditambahkan ke redaksi.yaml: {names}",
    ),
    "import.slugs": (
        "slugs that differ from WordPress: {count}",
        "slug yang berbeda dari WordPress: {count}",
    ),
    "import.slug_change": ("  post {id}: '{old}' -> {new}", "  tulisan {id}: '{old}' -> {new}"),
    "import.more": (
        "  ...and {count} more (--format json lists them all)",
        "  ...dan {count} lagi (--format json menampilkan semuanya)",
    ),
    "import.shortcodes": (
        "shortcodes kept as code, to check by hand: {names}",
        "shortcode yang dibiarkan sebagai kode, periksa manual: {names}",
    ),
    "import.embeds": (
        "embedded frames turned into links: {count}",
        "bingkai sematan yang dijadikan tautan: {count}",
    ),
    "import.controls": (
        "control characters removed from titles: {count}",
        "karakter kontrol yang dihapus dari judul: {count}",
    ),
    "import.emails": (
        "articles whose WordPress author has no usable email (recorded as "
        "LOGIN@wordpress.invalid): {count}",
        "artikel yang penulis WordPress-nya tanpa email yang layak (dicatat sebagai "
        "LOGIN@wordpress.invalid): {count}",
    ),
    "import.photos": (
        "featured images kept as photo.url: {count}",
        "gambar utama yang disimpan sebagai photo.url: {count}",
    ),
    "import.photos_dropped": (
        "featured images left out: {count} ({reasons})",
        "gambar utama yang tidak dipakai: {count} ({reasons})",
    ),
    # -- one word per state and reason -----------------------------------------------------------
    "import.state.published": ("{count} published", "{count} terbit"),
    "import.state.scheduled": ("{count} scheduled", "{count} terjadwal"),
    "import.state.draft": ("{count} draft", "{count} draf"),
    "import.state.review": ("{count} in review", "{count} menunggu tinjauan"),
    "import.reason.page": ("{count} page(s)", "{count} laman"),
    "import.reason.attachment": ("{count} attachment(s)", "{count} lampiran"),
    "import.reason.menu-item": ("{count} menu item(s)", "{count} butir menu"),
    "import.reason.revision": ("{count} revision(s)", "{count} revisi"),
    "import.reason.other-type": ("{count} other item(s)", "{count} butir lain"),
    "import.reason.private": ("{count} private", "{count} pribadi"),
    "import.reason.password": ("{count} password-protected", "{count} berkata sandi"),
    "import.reason.trash": ("{count} trashed", "{count} di tempat sampah"),
    "import.reason.auto-draft": ("{count} auto-draft(s)", "{count} draf otomatis"),
    "import.reason.other-status": ("{count} in another state", "{count} berstatus lain"),
    "import.reason.no-id": ("{count} without a post id", "{count} tanpa id"),
    "import.reason.no-title": ("{count} without a title", "{count} tanpa judul"),
    "import.reason.no-date": ("{count} without a date", "{count} tanpa tanggal"),
    "import.reason.published-in-future": (
        "{count} published with a date still to come",
        "{count} terbit dengan tanggal yang belum tiba",
    ),
    "import.reason.invalid": (
        "{count} that would not validate",
        "{count} yang tidak akan lolos validasi",
    ),
    "import.reason.photo-missing": (
        "{count} whose attachment is not in the export",
        "{count} yang lampirannya tidak ada di ekspor",
    ),
    "import.reason.photo-not-https": ("{count} not on https", "{count} bukan https"),
    "import.reason.error": ("{count} that could not be converted", "{count} yang gagal diubah"),
    "import.why.error": (
        "it could not be converted ({detail_msg}); move it by hand",
        "gagal diubah ({detail_msg}); pindahkan secara manual",
    ),
    "import.error": ("{detail}", "{detail}"),
    "import.why.no-id": ("it has no post id", "tidak punya id"),
    "import.why.no-title": ("it has no title", "tidak punya judul"),
    "import.why.no-date": ("it has no date", "tidak punya tanggal"),
    "import.why.published-in-future": (
        "published, but dated after now",
        "terbit, tetapi bertanggal sesudah saat ini",
    ),
    "import.why.invalid": (
        "it would not validate: {detail_msg}",
        "tidak akan lolos validasi: {detail_msg}",
    ),
    # -- verify, on an import commit (core/imports.py) -------------------------------------------
    "import.verify_extra": (
        "commit {commit} by {author} is an import but also touches {path}; an import only adds "
        "articles (and categories)",
        "commit {commit} oleh {author} adalah impor tetapi juga menyentuh {path}; impor hanya "
        "menambah artikel (dan kategori)",
    ),
    "import.verify_not_imported": (
        "commit {commit} by {author} adds {path} under an import without 'imported'",
        "commit {commit} oleh {author} menambah {path} lewat impor tanpa 'imported'",
    ),
    "import.verify_status": (
        "commit {commit} by {author} imports {path} as '{status}'; an import brings published, "
        "scheduled, draft or review articles only",
        "commit {commit} oleh {author} mengimpor {path} sebagai '{status}'; impor hanya membawa "
        "artikel terbit, terjadwal, draf atau tinjauan",
    ),
    "import.verify_history": (
        "commit {commit}: {path} must start its history with exactly one 'import' entry by the "
        "author, to its status",
        "commit {commit}: riwayat {path} harus diawali tepat satu entri 'import' oleh penulis "
        "commit, ke statusnya",
    ),
    "import.verify_future": (
        "commit {commit} imports {path} as published at {at}, not before the commit itself",
        "commit {commit} mengimpor {path} sebagai terbit pada {at}, tidak sebelum commit itu",
    ),
    "import.verify_record": (
        "commit {commit} imports {path} with '{field}', which only redaksi's own steps record",
        "commit {commit} mengimpor {path} dengan '{field}', yang hanya dicatat langkah redaksi",
    ),
    "import.verify_credit": (
        "commit {commit} imports {path} crediting someone as '{field}'; WordPress recorded no "
        "such step (only a scheduled story names the importing publisher)",
        "commit {commit} mengimpor {path} dengan mencantumkan seseorang sebagai '{field}'; "
        "WordPress tidak mencatat langkah itu (hanya berita terjadwal menyebut penerbit pengimpor)",
    ),
    "import.verify_config": (
        "commit {commit} by {author} is an import that changes redaksi.yaml other than by "
        "appending categories",
        "commit {commit} oleh {author} adalah impor yang mengubah redaksi.yaml selain menambah "
        "kategori di akhir",
    ),
}
