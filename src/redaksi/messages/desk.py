"""Messages: drafting and the demo (English, Indonesian)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # -- draft -----------------------------------------------------------------------------------
    "draft.missing_option": (
        "missing {option}; pass it, or run on a terminal to be asked",
        "{option} belum diisi; berikan opsi itu, atau jalankan di terminal untuk ditanya",
    ),
    "draft.bad_slug": (
        "'{slug}' is not a valid slug; use lowercase letters, digits and single hyphens, "
        "like banjir-lumajang",
        "'{slug}' bukan slug yang sah; gunakan huruf kecil, angka dan satu tanda hubung, "
        "seperti banjir-lumajang",
    ),
    "draft.slug_taken": (
        "slug '{slug}' is already used by {path}; choose another with --slug",
        "slug '{slug}' sudah dipakai oleh {path}; pilih yang lain dengan --slug",
    ),
    "draft.bad_category": (
        "category '{category}' is not in redaksi.yaml; use one of: {choices}",
        "kategori '{category}' tidak ada di redaksi.yaml; gunakan salah satu: {choices}",
    ),
    "draft.empty_title": ("the title must not be empty", "judul tidak boleh kosong"),
    "draft.would_not_validate": (
        "the new article would not validate: {detail_msg}; nothing was written",
        "artikel baru tidak akan lolos validasi: {detail_msg}; tidak ada yang ditulis",
    ),
    "draft.created": ("Drafted {path}.", "Draf dibuat: {path}."),
    "draft.body_placeholder": ("Write the story here.", "Tulis berita di sini."),
    "prompt.title": ("Title", "Judul"),
    "prompt.category": ("Category", "Kategori"),
    "prompt.tags": ("Tags (comma separated)", "Tag (pisahkan dengan koma)"),
    "prompt.dateline": ("Dateline (place)", "Dateline (tempat)"),
    "prompt.slug": ("Slug (file name)", "Slug (nama berkas)"),
    "prompt.newsroom": ("Newsroom name", "Nama redaksi"),
    "prompt.timezone": ("Time zone", "Zona waktu"),
    "prompt.language": ("Language of messages", "Bahasa pesan"),
    # -- demo ------------------------------------------------------------------------------------
    "demo.not_empty": (
        "{path} is not empty; give a new folder, or none for a temporary one",
        "{path} tidak kosong; berikan folder baru, atau kosongkan untuk folder sementara",
    ),
    "demo.intro": (
        "A throwaway newsroom in {path}: Ali reports, Mohammad edits, Keyra publishes.",
        "Redaksi percobaan di {path}: Ali meliput, Mohammad menyunting, Keyra menerbitkan.",
    ),
    "demo.step": ("  {name}: redaksi {action}", "  {name}: redaksi {action}"),
    "demo.outro": (
        "Every step above is one git commit by the person who took it. Look around:\n"
        "  cd {path} && git log --stat && {program} show {slug}",
        "Setiap langkah di atas adalah satu commit git oleh orang yang melakukannya. "
        "Silakan lihat:\n"
        "  cd {path} && git log --stat && {program} show {slug}",
    ),
}
