"""Messages: schema and cross-file rules (English, Indonesian)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # -- schema rules ----------------------------------------------------------------------------
    "rule.required": (
        "'{missing}' is missing; add it",
        "'{missing}' belum ada; tambahkan",
    ),
    "rule.status_requires": (
        "'{missing}' is required when status is '{status}'",
        "'{missing}' wajib ada bila status '{status}'",
    ),
    "rule.unknown_key": (
        "'{unknown}' is not a known key (known: {allowed})",
        "'{unknown}' bukan kunci yang dikenal (yang dikenal: {allowed})",
    ),
    "rule.unknown_key_hint": (
        "'{unknown}' is not a known key; did you mean '{hint}'?",
        "'{unknown}' bukan kunci yang dikenal; maksudnya '{hint}'?",
    ),
    "rule.enum": (
        "{field}: '{value}' is not allowed; use one of: {choices}",
        "{field}: '{value}' tidak diizinkan; gunakan salah satu: {choices}",
    ),
    "rule.type": (
        "{field} should be {expected_msg}, not '{value}'",
        "{field} seharusnya {expected_msg}, bukan '{value}'",
    ),
    "type.string": ("text", "teks"),
    "type.array": ("a list, like [a, b]", "daftar, seperti [a, b]"),
    "type.object": ("a group of 'key: value' entries", "kelompok 'kunci: nilai'"),
    "type.boolean": ("true or false", "true atau false"),
    "type.integer": ("a whole number", "bilangan bulat"),
    "type.number": ("a number", "angka"),
    "type.null": ("empty", "kosong"),
    "rule.format.date-time": (
        "{field}: '{value}' is not a date and time with a zone, like 2025-03-04T09:12:00+07:00",
        "{field}: '{value}' bukan tanggal dan jam dengan zona waktu, "
        "seperti 2025-03-04T09:12:00+07:00",
    ),
    "rule.format.email": (
        "{field}: '{value}' is not an email address",
        "{field}: '{value}' bukan alamat email",
    ),
    "rule.pattern": (
        "{field}: '{value}' does not have the expected form ({pattern})",
        "{field}: '{value}' tidak sesuai bentuk yang diharapkan ({pattern})",
    ),
    "rule.pattern.slug": (
        "{field}: '{value}' is not a valid slug; use lowercase letters, digits and single hyphens, "
        "like banjir-lumajang",
        "{field}: '{value}' bukan slug yang sah; gunakan huruf kecil, angka dan satu tanda hubung, "
        "seperti banjir-lumajang",
    ),
    "rule.pattern.id": (
        "{field}: '{value}' is not an article id (a lowercase UUID set by redaksi draft)",
        "{field}: '{value}' bukan id artikel (UUID huruf kecil dari redaksi draft)",
    ),
    "rule.pattern.action": (
        "{field}: '{value}' is not an action name",
        "{field}: '{value}' bukan nama aksi",
    ),
    "rule.min_length": ("{field} must not be empty", "{field} tidak boleh kosong"),
    "rule.max_length": (
        "{field} is too long (at most {limit} characters)",
        "{field} terlalu panjang (paling banyak {limit} karakter)",
    ),
    "rule.min_items": (
        "{field} needs at least {limit} item(s)",
        "{field} perlu paling sedikit {limit} butir",
    ),
    "rule.unique_items": ("{field} lists an item twice", "{field} memuat butir yang sama dua kali"),
    "rule.forbidden": (
        "{extra} is not allowed while status is '{status}'; remove it",
        "{extra} tidak boleh ada selama status '{status}'; hapus",
    ),
    "rule.one_of": (
        "{field} needs exactly one of {choices}",
        "{field} harus memuat tepat satu dari {choices}",
    ),
    "rule.pattern.photo_file": (
        "{field} '{value}' must be a relative path under media/ to a .jpg, .png or .webp file "
        "(no '..', no leading '/', no backslash)",
        "{field} '{value}' harus berupa jalur relatif di bawah media/ ke berkas .jpg, .png "
        "atau .webp (tanpa '..', tanpa '/' di awal, tanpa garis miring terbalik)",
    ),
    "rule.pattern.photo_url": (
        "{field} '{value}' must be an https:// address",
        "{field} '{value}' harus berupa alamat https://",
    ),
    "rule.imported_embargo": (
        "an imported article cannot carry embargo_until; remove it",
        "artikel impor tidak boleh memuat embargo_until; hapus",
    ),
    "rule.not_article": (
        "'{path}' is under articles/ but is not an article (articles are <slug>.md files); "
        "rename it back or move it out of articles/",
        "'{path}' ada di articles/ tetapi bukan artikel (artikel adalah berkas <slug>.md); "
        "kembalikan namanya atau pindahkan keluar dari articles/",
    ),
    "rule.control": (
        "{field} holds a control character or a line break ({value}); write it as one line of "
        "plain text",
        "{field} memuat karakter kendali atau ganti baris ({value}); tulis sebagai satu baris "
        "teks biasa",
    ),
    "rule.record_correct": (
        "this story is {status}, and changed since its last commit; a published story changes "
        "only as a public correction: run 'redaksi correct {slug} --note \"what changed\"' (your "
        "edit goes in with it), or put it back with 'git restore --staged --worktree {path}'",
        "berita ini berstatus {status} dan berubah sejak commit terakhirnya; berita terbit hanya "
        "berubah lewat ralat publik: jalankan 'redaksi correct {slug} --note \"apa yang berubah\"' "
        "(suntingan Anda ikut), atau kembalikan dengan 'git restore --staged --worktree {path}'",
    ),
    "rule.record_unschedule": (
        "this story is scheduled, and changed since its last commit; a scheduled story is "
        "frozen: take it off the schedule first ('redaksi unschedule {slug}'), or put it back "
        "with 'git restore --staged --worktree {path}'",
        "berita ini terjadwal dan berubah sejak commit terakhirnya; berita terjadwal dibekukan: "
        "batalkan dulu jadwalnya ('redaksi unschedule {slug}'), atau kembalikan dengan "
        "'git restore --staged --worktree {path}'",
    ),
    "rule.record_restore": (
        "this story is {status}, and changed since its last commit; it cannot change now: put it "
        "back with 'git restore --staged --worktree {path}'",
        "berita ini berstatus {status} dan berubah sejak commit terakhirnya; berita ini tidak bisa "
        "diubah sekarang: kembalikan dengan 'git restore --staged --worktree {path}'",
    ),
    "rule.other": ("{field}: {detail}", "{field}: {detail}"),
    # -- cross-file rules ------------------------------------------------------------------------
    "rule.unique_id": (
        "id {value} is also used by {others}; every article needs its own id",
        "id {value} juga dipakai oleh {others}; setiap artikel perlu id sendiri",
    ),
    "rule.unique_slug": (
        "slug '{value}' is also used by {others}; choose another slug",
        "slug '{value}' juga dipakai oleh {others}; pilih slug lain",
    ),
    "rule.path_slug": (
        "the file is named {name} but its slug is '{slug}'; rename it to {slug}.md",
        "nama berkas {name} tetapi slug-nya '{slug}'; ganti namanya menjadi {slug}.md",
    ),
    "rule.path_layout": (
        "articles belong at articles/<YYYY>/<MM>/<slug>.md; move this file there",
        "artikel disimpan di articles/<TTTT>/<BB>/<slug>.md; pindahkan berkas ini ke sana",
    ),
    "rule.category": (
        "category '{value}' is not in redaksi.yaml; use one of: {choices}",
        "kategori '{value}' tidak ada di redaksi.yaml; gunakan salah satu: {choices}",
    ),
    "rule.timezone": (
        "timezone '{value}' is not an IANA time zone name, like Asia/Jakarta",
        "zona waktu '{value}' bukan nama zona IANA, seperti Asia/Jakarta",
    ),
    "rule.schema_invalid": (
        "the schema is not valid JSON Schema: {detail}",
        "skema bukan JSON Schema yang sah: {detail}",
    ),
    "rule.schema_unreadable": (
        "the schema cannot be read as JSON: {detail}",
        "skema tidak bisa dibaca sebagai JSON: {detail}",
    ),
}
