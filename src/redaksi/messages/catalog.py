"""Messages: reading many articles: YAML readers disagree on, progress (English, Indonesian)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "yaml.merge": (
        "YAML merge keys (<<) are not allowed in redaksi files; write the keys out",
        "kunci gabungan YAML (<<) tidak diizinkan di berkas redaksi; tulis kuncinya langsung",
    ),
    "yaml.complex_key": (
        "a key must be a word, not a list or a mapping (written with '?'); write it as text",
        "kunci harus berupa kata, bukan daftar atau pemetaan (ditulis dengan '?'); "
        "tulis sebagai teks",
    ),
    "yaml.line_separator": (
        "the front matter holds an invisible line separator ({char}) that YAML readers disagree "
        "about; delete it (inside double quotes it may be written as an escape such as \\L)",
        "front matter memuat pemisah baris tak terlihat ({char}) yang dibaca berbeda oleh "
        "pembaca YAML; hapus karakter itu (di dalam tanda kutip ganda boleh ditulis sebagai "
        "escape seperti \\L)",
    ),
    "list.progress": ("Reading articles", "Membaca artikel"),
    "repo.sparse_schemas": (
        "this sparse checkout leaves out the newsroom's {folder}/ folder, so articles cannot be "
        "checked against its schema; run 'git sparse-checkout add {folder}'",
        "sparse checkout ini tidak memuat folder {folder}/ milik redaksi, jadi artikel tidak "
        "bisa diperiksa dengan skemanya; jalankan 'git sparse-checkout add {folder}'",
    ),
}
