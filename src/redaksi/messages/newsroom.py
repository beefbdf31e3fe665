"""Messages: the newsroom, its people, init (English, Indonesian)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # -- the newsroom ----------------------------------------------------------------------------
    "repo.not_git": (
        "not inside a git repository; run 'git init' first (or cd into your newsroom)",
        "tidak berada di dalam repositori git; jalankan 'git init' dulu (atau cd ke redaksi Anda)",
    ),
    "repo.not_newsroom": (
        "{root} is not a newsroom yet (no redaksi.yaml); run 'redaksi init'",
        "{root} belum menjadi redaksi (tidak ada redaksi.yaml); jalankan 'redaksi init'",
    ),
    "repo.newsroom_exists": (
        "this repository is already a newsroom ({path} exists); nothing was changed",
        "repositori ini sudah menjadi redaksi ({path} sudah ada); tidak ada yang berubah",
    ),
    "repo.config_invalid": (
        "{detail_msg}; fix redaksi.yaml, then run 'redaksi validate'",
        "{detail_msg}; perbaiki redaksi.yaml, lalu jalankan 'redaksi validate'",
    ),
    "repo.no_identity": (
        'git does not know who you are; run: git config user.name "Your Name" && '
        "git config user.email you@example.com",
        'git belum tahu siapa Anda; jalankan: git config user.name "Nama Anda" && '
        "git config user.email anda@contoh.id",
    ),
    "repo.git_failed": (
        "git {command} failed: {detail}; nothing was changed",
        "git {command} gagal: {detail}; tidak ada yang berubah",
    ),
    "repo.ambiguous_ref": (
        "'{ref}' names more than one ref ({refs}); give the full name, such as "
        "refs/remotes/origin/main",
        "'{ref}' menunjuk lebih dari satu ref ({refs}); tulis nama lengkapnya, misalnya "
        "refs/remotes/origin/main",
    ),
    "repo.unknown_ref": (
        "'{ref}' is not a commit in this repository; {shallow_msg}",
        "'{ref}' bukan commit di repositori ini; {shallow_msg}",
    ),
    "repo.shallow_hint": (
        "this is a shallow clone: verify needs the whole history (git fetch --unshallow, "
        "or fetch-depth: 0 in actions/checkout)",
        "ini clone dangkal: verify memerlukan seluruh riwayat (git fetch --unshallow, "
        "atau fetch-depth: 0 di actions/checkout)",
    ),
    "repo.fetch_hint": (
        "fetch it first (for example: git fetch origin main)",
        "ambil dulu (misalnya: git fetch origin main)",
    ),
    "repo.lock_held": (
        "another git process holds the repository lock ({detail}); wait for it, or remove the "
        "stale .git/index.lock if none is running; nothing was changed",
        "proses git lain sedang mengunci repositori ({detail}); tunggu, atau hapus "
        ".git/index.lock yang tertinggal bila tidak ada; tidak ada yang berubah",
    ),
    "repo.hook_failed": (
        "a git hook refused the commit: {detail}; nothing was changed",
        "hook git menolak commit: {detail}; tidak ada yang berubah",
    ),
    # -- people ----------------------------------------------------------------------------------
    "staff.unknown": (
        "{email} is not on staff in redaksi.yaml; ask your editor-in-chief to add you",
        "{email} tidak terdaftar di staff redaksi.yaml; minta pemimpin redaksi menambahkan Anda",
    ),
    "staff.lacks_role": (
        "{name} <{email}> is not {role_msg}; only {role_msg} may {action}",
        "{name} <{email}> bukan {role_msg}; hanya {role_msg} yang boleh {action}",
    ),
    "role.reporter": ("a reporter", "wartawan"),
    "role.editor": ("an editor", "redaktur"),
    "role.publisher": ("a publisher", "publisher"),
    # -- init ------------------------------------------------------------------------------------
    "init.done": (
        "Newsroom '{name}' is ready: {config}, schemas/ and articles/ committed. "
        "You are on staff as reporter, editor and publisher.",
        "Redaksi '{name}' siap: {config}, schemas/ dan articles/ sudah di-commit. "
        "Anda terdaftar sebagai wartawan, redaktur dan publisher.",
    ),
    "init.four_eyes": (
        "four_eyes is on: someone else must approve and publish each story you report. Add "
        "colleagues with 'redaksi staff add'; a newsroom of one person sets 'four_eyes: false' "
        "in redaksi.yaml and commits it.",
        "four_eyes aktif: orang lain yang harus menyetujui dan menerbitkan berita liputan Anda. "
        "Tambahkan rekan dengan 'redaksi staff add'; redaksi satu orang mengatur "
        "'four_eyes: false' di redaksi.yaml lalu meng-commit-nya.",
    ),
    "init.bad_timezone": (
        "'{timezone}' is not an IANA time zone; try Asia/Jakarta, Asia/Makassar or Asia/Jayapura",
        "'{timezone}' bukan zona waktu IANA; coba Asia/Jakarta, Asia/Makassar atau Asia/Jayapura",
    ),
    "init.bad_language": (
        "language must be 'id' or 'en', not '{language}'",
        "bahasa harus 'id' atau 'en', bukan '{language}'",
    ),
}
