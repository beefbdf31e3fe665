"""Messages: reading article files and YAML (English, Indonesian)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # -- reading files ---------------------------------------------------------------------------
    "article.empty": (
        "the file is empty: an article starts with a line '---', its front matter, and '---'",
        "berkas kosong: artikel diawali baris '---', front matter, lalu '---'",
    ),
    "article.no_front_matter": (
        "no front matter: the first line must be '---'; start with 'redaksi draft'",
        "tidak ada front matter: baris pertama harus '---'; mulailah dengan 'redaksi draft'",
    ),
    "article.unclosed": (
        "the front matter is never closed: add a line '---' between the front matter and the body",
        "front matter tidak ditutup: tambahkan baris '---' di antara front matter dan isi berita",
    ),
    "article.flow_front_matter": (
        "the front matter must be one 'key: value' per line, not a {...} block",
        "front matter harus berupa satu 'kunci: nilai' per baris, bukan blok {...}",
    ),
    "article.rewrite_unsafe": (
        "redaksi cannot change this front matter without touching other lines; "
        "put each key on its own line and try again",
        "redaksi tidak bisa mengubah front matter ini tanpa menyentuh baris lain; "
        "tulis setiap kunci di barisnya sendiri lalu coba lagi",
    ),
    "file.not_utf8": (
        "the file is not UTF-8 text (byte {byte} cannot be read); save it as UTF-8",
        "berkas bukan teks UTF-8 (bita {byte} tidak terbaca); simpan ulang sebagai UTF-8",
    ),
    "file.too_large": (
        "the file is {size} bytes, above the limit of {limit}; an article this large is not text",
        "ukuran berkas {size} bita, melebihi batas {limit}; artikel sebesar ini bukan teks biasa",
    ),
    "file.unreadable": (
        "cannot read the file ({detail})",
        "berkas tidak bisa dibaca ({detail})",
    ),
    "file.outside": (
        "'{path}' is outside this newsroom's articles/ folder; redaksi does not follow it",
        "'{path}' berada di luar folder articles/ redaksi ini; redaksi tidak mengikutinya",
    ),
    "file.missing": (
        "'{path}' does not exist",
        "'{path}' tidak ada",
    ),
    "file.disk_full": (
        "the disk is full (writing {path}); free some space and run the command again; "
        "nothing was changed",
        "disk penuh (saat menulis {path}); kosongkan sebagian ruang lalu jalankan lagi "
        "perintahnya; tidak ada yang berubah",
    ),
    "file.not_writable": (
        "cannot write {path} ({detail}); check its permissions, or whether the disk is "
        "mounted read-only; nothing was changed",
        "tidak bisa menulis {path} ({detail}); periksa izinnya, atau apakah disk dipasang "
        "hanya-baca; tidak ada yang berubah",
    ),
    "file.system": (
        "{path}: {detail}",
        "{path}: {detail}",
    ),
    "file.write_failed": (
        "could not write {path} ({detail}); nothing was changed",
        "gagal menulis {path} ({detail}); tidak ada yang berubah",
    ),
    # -- YAML ------------------------------------------------------------------------------------
    "yaml.syntax": (
        "YAML syntax error: {detail}; a value containing ': ' or ' #' needs quotes",
        "kesalahan sintaks YAML: {detail}; nilai yang memuat ': ' atau ' #' "
        "perlu diberi tanda kutip",
    ),
    "yaml.duplicate": (
        "a key appears twice ({detail}); keep one",
        "ada kunci yang muncul dua kali ({detail}); sisakan satu",
    ),
    "yaml.alias": (
        "YAML anchors and aliases (& and *) are not allowed in redaksi files; write the value out",
        "anchor dan alias YAML (& dan *) tidak diizinkan di berkas redaksi; "
        "tulis nilainya langsung",
    ),
    "yaml.tag": (
        "the YAML tag {tag} is not allowed; remove it",
        "tag YAML {tag} tidak diizinkan; hapus tag itu",
    ),
    "yaml.depth": (
        "the YAML is nested deeper than {limit} levels; flatten it",
        "YAML bersarang lebih dari {limit} tingkat; sederhanakan",
    ),
    "yaml.not_mapping": (
        "the front matter must be a list of 'key: value' lines",
        "front matter harus berupa baris-baris 'kunci: nilai'",
    ),
}
