r"""Messages: the command line's help, usage words and Click's parse errors (English, Indonesian).

How commands use these keys: ``cli/localize.py``. A command's text is "summary\\n\\ndetails";
``<key>.examples`` holds one example command per line.
"""

MESSAGES: dict[str, tuple[str, str]] = {
    # -- words of the help page ------------------------------------------------------------------
    "help.usage": ("Usage:", "Cara pakai:"),
    "help.examples": ("Examples", "Contoh"),
    "help.section.arguments": ("Arguments", "Argumen"),
    "help.section.options": ("Options", "Opsi"),
    "help.section.commands": ("Commands", "Perintah"),
    "help.default": ("default", "bawaan"),
    "help.required": ("required", "wajib"),
    "help.mv.options": ("[OPTIONS]", "[OPSI]"),
    "help.mv.command": ("COMMAND [ARGS]...", "PERINTAH [ARGUMEN]..."),
    "help.mv.text": ("TEXT", "TEKS"),
    "help.mv.article": ("ARTICLE", "ARTIKEL"),
    "help.mv.title": ("TITLE", "JUDUL"),
    "help.mv.category": ("CATEGORY", "KATEGORI"),
    "help.mv.tag": ("TAGS", "TAG"),
    "help.mv.dateline": ("PLACE", "TEMPAT"),
    "help.mv.slug": ("SLUG", "SLUG"),
    "help.mv.note": ("NOTE", "CATATAN"),
    "help.mv.reason": ("REASON", "ALASAN"),
    "help.mv.email": ("EMAIL", "EMAIL"),
    "help.mv.to": ("EMAIL", "EMAIL"),
    "help.mv.name": ("NAME", "NAMA"),
    "help.mv.role": ("ROLE", "PERAN"),
    "help.mv.reporter": ("EMAIL", "EMAIL"),
    "help.mv.since": ("STEP|REV", "LANGKAH|REV"),
    "help.mv.base": ("REF", "REF"),
    "help.mv.head": ("REF", "REF"),
    "help.mv.changed-since": ("REF", "REF"),
    "help.mv.paths": ("PATH", "JALUR"),
    "help.mv.folder": ("FOLDER", "FOLDER"),
    "help.mv.timezone": ("ZONE", "ZONA"),
    "help.mv.language": ("id|en", "id|en"),
    "help.mv.ci": ("github|gitlab", "github|gitlab"),
    "help.mv.type": ("ralat|koreksi|klarifikasi|hak-jawab", "ralat|koreksi|klarifikasi|hak-jawab"),
    "help.mv.ground": (
        "sara|kesusilaan|anak|trauma|dewan-pers",
        "sara|kesusilaan|anak|trauma|dewan-pers",
    ),
    "help.mv.status": ("STATE", "STATUS"),
    # -- options shared by many commands ---------------------------------------------------------
    "help.opt.help": ("Show this help and exit.", "Tampilkan bantuan ini lalu keluar."),
    "help.opt.version": ("Show the version and exit.", "Tampilkan versi lalu keluar."),
    "help.opt.install_completion": (
        "Install tab completion (commands and article slugs) for your shell.",
        "Pasang pelengkapan tab (perintah dan slug artikel) untuk shell Anda.",
    ),
    "help.opt.show_completion": (
        "Print the tab completion script for your shell, to install it yourself.",
        "Cetak skrip pelengkapan tab untuk shell Anda, untuk dipasang sendiri.",
    ),
    "help.arg.article": (
        "Slug, id, a unique start of either, or path.",
        "Slug, id, awal yang unik dari keduanya, atau path.",
    ),
    "help.arg.article_exact": (
        "The whole slug, id or path (no prefixes: this cannot be undone).",
        "Slug, id atau path lengkap (tanpa awalan: ini tidak bisa dibatalkan).",
    ),
    "help.opt.note": (
        "A note for the history and the commit.",
        "Catatan untuk riwayat dan commit.",
    ),
    "help.opt.no_input": (
        "Never prompt; fail naming what is missing.",
        "Jangan bertanya; gagal dengan menyebut yang kurang.",
    ),
    "help.opt.push": (
        "Fetch, commit on upstream and push (default: push in redaksi.yaml).",
        "Fetch, commit di atas upstream lalu push (bawaan: push di redaksi.yaml).",
    ),
    "help.opt.format_text": ("text or json.", "text atau json."),
    "help.opt.format_table": ("table or json.", "table atau json."),
    "help.opt.format_report": ("text, json or github.", "text, json atau github."),
    # -- the commands ----------------------------------------------------------------------------
    "help.redaksi": (
        "A newsroom in git: draft, review, edit and publish articles as signed-off commits.\n\n"
        "The person acting is 'git config user.email', matched against staff in redaksi.yaml.",
        "Redaksi di dalam git: tulis, periksa, sunting dan terbitkan artikel sebagai commit "
        "yang tercatat.\n\n"
        "Yang bertindak adalah 'git config user.email', dicocokkan dengan staff di redaksi.yaml.",
    ),
    "help.init": (
        "Make a newsroom of this git repository: redaksi.yaml, schemas/, articles/, one commit.",
        "Jadikan repositori git ini sebuah redaksi: redaksi.yaml, schemas/, articles/, satu "
        "commit.",
    ),
    "help.init.examples": (
        'redaksi init --name "Kabar Probolinggo"\nredaksi init --ci github',
        'redaksi init --name "Kabar Probolinggo"\nredaksi init --ci github',
    ),
    "help.init.name": ("The newsroom's name.", "Nama redaksi."),
    "help.init.timezone": (
        "IANA time zone (default: Asia/Jakarta).",
        "Zona waktu IANA (bawaan: Asia/Jakarta).",
    ),
    "help.init.language": (
        "Language of messages: id or en (default: id).",
        "Bahasa pesan: id atau en (bawaan: id).",
    ),
    "help.init.ci": (
        "Write the CI workflows (github or gitlab), or rewrite redaksi's block in them; on an "
        "existing newsroom, a publisher's step.",
        "Tulis alur kerja CI (github atau gitlab), atau tulis ulang blok redaksi di dalamnya; "
        "pada redaksi yang sudah ada, langkah seorang publisher.",
    ),
    "help.draft": (
        "Start a new article as a draft: one file under articles/, one commit by you.\n\n"
        "On a terminal it asks for what is missing, then opens your editor.",
        "Mulai artikel baru sebagai draf: satu berkas di articles/, satu commit oleh Anda.\n\n"
        "Di terminal, yang belum diisi ditanyakan, lalu editor Anda dibuka.",
    ),
    "help.draft.examples": (
        "redaksi draft\n"
        'redaksi draft --no-input --title "Banjir Lumajang" --category Pemerintahan '
        '--tag "Lumajang, Banjir" --dateline Lumajang',
        "redaksi draft\n"
        'redaksi draft --no-input --title "Banjir Lumajang" --category Pemerintahan '
        '--tag "Lumajang, Banjir" --dateline Lumajang',
    ),
    "help.draft.title": ("The headline.", "Judul berita."),
    "help.draft.category": (
        "One of redaksi.yaml's categories.",
        "Salah satu kategori redaksi.yaml.",
    ),
    "help.draft.tag": (
        "Tags, separated by commas; may be repeated.",
        "Tag, dipisah koma; boleh diulang.",
    ),
    "help.draft.dateline": ("Where the story happened.", "Tempat peristiwa."),
    "help.draft.slug": (
        "File name and address (default: from the title).",
        "Nama berkas dan alamat (bawaan: dari judul).",
    ),
    "help.draft.body": (
        "The story itself, for scripts (instead of the editor).",
        "Isi berita, untuk skrip (pengganti editor).",
    ),
    "help.draft.body_file": (
        "Read the story from this file ('-' reads standard input).",
        "Baca isi berita dari berkas ini ('-' membaca masukan standar).",
    ),
    "help.mv.body": ("TEXT", "TEKS"),
    "help.mv.body-file": ("FILE", "BERKAS"),
    "help.draft.no_edit": ("Do not open the editor.", "Jangan buka editor."),
    "help.submit": (
        "Send a draft to the editors (draft -> review). The reporter or an editor.",
        "Kirim draf ke redaktur (draft -> review). Wartawannya atau redaktur.",
    ),
    "help.submit.examples": ("redaksi submit banjir-lumajang", "redaksi submit banjir-lumajang"),
    "help.approve": (
        "Approve a story for editing (review -> edit). Editors; records you as editor.",
        "Setujui berita untuk disunting (review -> edit). Redaktur; Anda tercatat sebagai editor.",
    ),
    "help.approve.examples": ("redaksi approve banjir-lumajang", "redaksi approve banjir-lumajang"),
    "help.reject": (
        "Send a story back to its reporter with a note (review, edit -> draft).",
        "Kembalikan berita ke wartawannya dengan catatan (review, edit -> draft).",
    ),
    "help.reject.examples": (
        'redaksi reject banjir-lumajang --note "Konfirmasi ke BPBD."',
        'redaksi reject banjir-lumajang --note "Konfirmasi ke BPBD."',
    ),
    "help.publish": (
        "Publish an edited story now, or schedule it with --at (edit -> published or "
        "scheduled). Publishers.",
        "Terbitkan berita yang sudah disunting sekarang, atau jadwalkan dengan --at (edit -> "
        "published atau scheduled). Publisher.",
    ),
    "help.publish.at": (
        "Schedule it instead: '2026-12-01 06:00' (the newsroom's zone) or RFC 3339; 'redaksi "
        "release' publishes it then.",
        "Jadwalkan saja: '2026-12-01 06:00' (zona redaksi) atau RFC 3339; 'redaksi release' "
        "menerbitkannya pada waktunya.",
    ),
    "help.mv.time": ("TIME", "WAKTU"),
    "help.mv.now": ("TIME", "WAKTU"),
    "help.mv.out": ("FOLDER", "FOLDER"),
    "help.mv.port": ("PORT", "PORT"),
    "help.mv.image": ("IMAGE", "GAMBAR"),
    "help.mv.credit": ("NAME", "NAMA"),
    "help.unschedule": (
        "Take a scheduled story off the schedule (scheduled -> edit). Publishers.",
        "Batalkan jadwal terbit berita (scheduled -> edit). Publisher.",
    ),
    "help.embargo": (
        "Hold a story until a time (or lift the hold): nobody can publish it before. Editors.",
        "Tahan berita sampai suatu waktu (atau cabut penahanannya): tidak ada yang bisa "
        "menerbitkannya sebelum itu. Redaktur.",
    ),
    "help.embargo.until": (
        "'2026-12-01 06:00' (the newsroom's zone) or RFC 3339.",
        "'2026-12-01 06:00' (zona redaksi) atau RFC 3339.",
    ),
    "help.embargo.lift": ("Lift the embargo.", "Cabut embargo."),
    "help.release": (
        "Publish every scheduled story that is due, oldest first, one commit each.\n\n"
        "Safe to run as often as a cron likes; exit 3 if a due story could not be released.",
        "Terbitkan setiap berita terjadwal yang sudah waktunya, yang terlama dulu, satu commit "
        "masing-masing.\n\n"
        "Aman dijalankan sesering apa pun oleh cron; keluar 3 bila ada berita yang gagal terbit.",
    ),
    "help.release.push": (
        "Release on the remote and push each story (default: push in redaksi.yaml).",
        "Terbitkan di remote dan push setiap berita (bawaan: push di redaksi.yaml).",
    ),
    "help.draft.embargo": (
        "Nobody may publish it before: '2026-12-01 06:00' or RFC 3339.",
        "Tidak boleh diterbitkan sebelum: '2026-12-01 06:00' atau RFC 3339.",
    ),
    "help.publish.examples": (
        "redaksi publish banjir-lumajang-warga-mengungsi",
        "redaksi publish banjir-lumajang-warga-mengungsi",
    ),
    "help.correct": (
        "Correct a published story: the note is shown to readers (Dewan Pers §4).",
        "Koreksi berita yang sudah terbit: catatannya tampil untuk pembaca (Dewan Pers §4).",
    ),
    "help.correct.examples": (
        'redaksi correct banjir-lumajang --type ralat --note "Jumlah pengungsi 120."',
        'redaksi correct banjir-lumajang --type ralat --note "Jumlah pengungsi 120."',
    ),
    "help.correct.type": (
        "ralat, koreksi, klarifikasi or hak-jawab (default: ralat).",
        "ralat, koreksi, klarifikasi atau hak-jawab (bawaan: ralat).",
    ),
    "help.retract": (
        "Retract a published story with a public notice (Dewan Pers §5); the file stays.",
        "Cabut berita yang sudah terbit dengan pengumuman publik (Dewan Pers §5); berkasnya "
        "tetap ada.",
    ),
    "help.retract.examples": (
        'redaksi retract banjir-lumajang-warga-mengungsi --ground anak --reason "Identitas '
        'anak terungkap."',
        'redaksi retract banjir-lumajang-warga-mengungsi --ground anak --reason "Identitas '
        'anak terungkap."',
    ),
    "help.retract.ground": (
        "sara, kesusilaan, anak, trauma or dewan-pers.",
        "sara, kesusilaan, anak, trauma atau dewan-pers.",
    ),
    "help.retract.reason": ("The public reason.", "Alasan untuk publik."),
    "help.retract.public_title": (
        "Shown instead of the title, where the title itself harms.",
        "Ditampilkan sebagai pengganti judul, bila judulnya sendiri merugikan.",
    ),
    "help.reassign": (
        "Hand a story to another reporter (draft, review or edit). Editors.\n\n"
        "The old reporter stays in the history, and four-eyes still covers them.",
        "Serahkan berita ke wartawan lain (draft, review atau edit). Redaktur.\n\n"
        "Wartawan lama tetap tercatat di riwayat, dan four-eyes tetap berlaku baginya.",
    ),
    "help.reassign.examples": (
        'redaksi reassign banjir-lumajang --to dewi@kabar.test --note "Ali cuti."',
        'redaksi reassign banjir-lumajang --to dewi@kabar.test --note "Ali cuti."',
    ),
    "help.reassign.to": ("The reporter's email (on staff).", "Email wartawan (di staff)."),
    "help.discard": (
        "Throw away a draft that was never published: the file is deleted in one commit.\n\n"
        "The reporter or an editor; git history keeps what was committed.",
        "Buang draf yang belum pernah terbit: berkasnya dihapus dalam satu commit.\n\n"
        "Wartawannya atau redaktur; riwayat git tetap menyimpan yang sudah di-commit.",
    ),
    "help.discard.examples": (
        'redaksi discard banjir-lumajang --note "Sudah diliput rekan."',
        'redaksi discard banjir-lumajang --note "Sudah diliput rekan."',
    ),
    "help.edit": (
        "Open an article in your editor (VISUAL, EDITOR, then git's editor).",
        "Buka artikel di editor Anda (VISUAL, EDITOR, lalu editor git).",
    ),
    "help.edit.examples": ("redaksi edit banjir-lumajang", "redaksi edit banjir-lumajang"),
    "help.diff": (
        "What changed in a story since a step, word by word (default: since it was last "
        "submitted).",
        "Apa yang berubah di berita sejak suatu langkah, kata demi kata (bawaan: sejak terakhir "
        "dikirim).",
    ),
    "help.diff.examples": (
        "redaksi diff banjir-lumajang\nredaksi diff banjir-lumajang --since approve",
        "redaksi diff banjir-lumajang\nredaksi diff banjir-lumajang --since approve",
    ),
    "help.diff.since": (
        "submit, approve, publish, or any git revision.",
        "submit, approve, publish, atau revisi git apa saja.",
    ),
    "help.sync": (
        "Replay steps committed offline onto the remote; drop those that no longer apply.",
        "Kirim ulang langkah yang di-commit saat offline ke remote; buang yang tidak berlaku lagi.",
    ),
    "help.list": (
        "The desk's queue, oldest waiting first, with how long each has waited.",
        "Antrean meja redaksi, yang paling lama menunggu lebih dulu, beserta lamanya.",
    ),
    "help.list.examples": (
        "redaksi list --status review\nredaksi list --mine\n"
        "redaksi list --status all --format json",
        "redaksi list --status review\nredaksi list --mine\n"
        "redaksi list --status all --format json",
    ),
    "help.list.status": (
        "draft, review, edit, scheduled, published, retracted or all; may be repeated "
        "(default: draft, review, edit).",
        "draft, review, edit, scheduled, published, retracted atau all; boleh diulang "
        "(bawaan: draft, review, edit).",
    ),
    "help.list.mine": ("Only articles that credit you.", "Hanya artikel yang mencantumkan Anda."),
    "help.list.reporter": ("Only this reporter's (email).", "Hanya milik wartawan ini (email)."),
    "help.show": (
        "One article: path, state, people, dates, corrections, history and the body.",
        "Satu artikel: path, status, orang, tanggal, koreksi, riwayat dan isinya.",
    ),
    "help.show.examples": ("redaksi show banjir-lumajang", "redaksi show banjir-lumajang"),
    "help.log": (
        "The article's steps as git recorded them, hand edits between them included.",
        "Langkah-langkah artikel seperti tercatat di git, termasuk suntingan tangan di antaranya.",
    ),
    "help.log.examples": ("redaksi log banjir-lumajang", "redaksi log banjir-lumajang"),
    "help.staff": (
        "Who is on staff: list, add or remove people (a publisher, one commit each).",
        "Siapa saja di staff: tampilkan, tambah atau hapus orang (publisher, satu commit "
        "masing-masing).",
    ),
    "help.staff.list": ("Everyone on staff, with their roles.", "Semua staff beserta perannya."),
    "help.staff.add": (
        "Put a colleague on staff in one commit of redaksi.yaml.",
        "Daftarkan rekan ke staff dalam satu commit redaksi.yaml.",
    ),
    "help.staff.add.examples": (
        'redaksi staff add ali@kabar.test --name "Ali Ya\'lu" --role reporter\n'
        'redaksi staff add ms@kabar.test --name "Mohammad S" --role editor --role reporter',
        'redaksi staff add ali@kabar.test --name "Ali Ya\'lu" --role reporter\n'
        'redaksi staff add ms@kabar.test --name "Mohammad S" --role editor --role reporter',
    ),
    "help.staff.remove": (
        "Take someone off staff in one commit of redaksi.yaml (never the last publisher).",
        "Hapus seseorang dari staff dalam satu commit redaksi.yaml (bukan publisher terakhir).",
    ),
    "help.staff.email": (
        "Their email (git config user.email).",
        "Email-nya (git config user.email).",
    ),
    "help.staff.name": ("Their name, as credited.", "Namanya, seperti dicantumkan."),
    "help.staff.role": (
        "reporter, editor or publisher; may be repeated.",
        "reporter, editor atau publisher; boleh diulang.",
    ),
    "help.import": (
        "Bring a newsroom's archive in from another system.",
        "Bawa arsip redaksi dari sistem lain.",
    ),
    "help.import.wordpress": (
        "Import a WordPress export's posts as articles: one commit by a publisher.",
        "Impor tulisan dari ekspor WordPress sebagai artikel: satu commit oleh publisher.",
    ),
    "help.import.wordpress.examples": (
        "redaksi import wordpress kabar.WordPress.2026-01-05.xml --dry-run\n"
        "redaksi import wordpress kabar.WordPress.2026-01-05.xml",
        "redaksi import wordpress kabar.WordPress.2026-01-05.xml --dry-run\n"
        "redaksi import wordpress kabar.WordPress.2026-01-05.xml",
    ),
    "help.import.export": (
        "The WordPress export (WXR 1.0-1.2) file.",
        "Berkas ekspor WordPress (WXR 1.0-1.2).",
    ),
    "help.mv.export": ("EXPORT.xml", "EKSPOR.xml"),
    "help.import.dry_run": (
        "Say what would happen; write nothing.",
        "Sebutkan apa yang akan terjadi; tidak menulis apa pun.",
    ),
    "help.demo": (
        "Build a throwaway newsroom and walk one article from draft to published, then log it.",
        "Buat redaksi percobaan dan jalankan satu artikel dari draf sampai terbit, lalu "
        "tampilkan riwayatnya.",
    ),
    "help.demo.folder": (
        "A new or empty folder (default: a temporary one).",
        "Folder baru atau kosong (bawaan: folder sementara).",
    ),
    "help.demo.language": ("id or en.", "id atau en."),
    "help.validate": (
        "Check every article (or those named), redaksi.yaml and the schema. Exit 1 on problems.",
        "Periksa semua artikel (atau yang disebut), redaksi.yaml dan skemanya. Keluar 1 bila ada "
        "masalah.",
    ),
    "help.validate.examples": (
        "redaksi validate\nredaksi validate --changed-since origin/main --format github",
        "redaksi validate\nredaksi validate --changed-since origin/main --format github",
    ),
    "help.validate.paths": (
        "Files or folders (default: all).",
        "Berkas atau folder (bawaan: semua).",
    ),
    "help.validate.changed_since": (
        "Only articles changed since this git ref.",
        "Hanya artikel yang berubah sejak ref git ini.",
    ),
    "help.verify": (
        "Check every commit in BASE..HEAD that touches articles/. Exit 1 on problems.",
        "Periksa setiap commit di BASE..HEAD yang menyentuh articles/. Keluar 1 bila ada masalah.",
    ),
    "help.verify.examples": (
        "redaksi verify --base origin/main --format github",
        "redaksi verify --base origin/main --format github",
    ),
    "help.verify.base": (
        "The branch the pull request goes into.",
        "Branch tujuan pull request.",
    ),
    "help.verify.head": ("The last commit to check.", "Commit terakhir yang diperiksa."),
    # -- Click's own errors, worded here ---------------------------------------------------------
    "cli.help_hint": ("'{command} -h' shows help", "'{command} -h' menampilkan bantuan"),
    "cli.missing": ("missing {what}; {hint}", "{what} belum diberikan; {hint}"),
    "cli.missing_command": ("which command? {hint}", "perintah yang mana? {hint}"),
    "cli.no_such_option": ("no option {option}; {hint}", "tidak ada opsi {option}; {hint}"),
    "cli.no_such_option_close": (
        "no option {option}; did you mean {close}? {hint}",
        "tidak ada opsi {option}; maksudnya {close}? {hint}",
    ),
    "cli.option_needs_value": (
        "{option} needs a value; {hint}",
        "{option} memerlukan nilai; {hint}",
    ),
    "cli.bad_choice": (
        "{option} '{value}' is not one of: {choices}",
        "{option} '{value}' bukan salah satu dari: {choices}",
    ),
    "cli.bad_value": (
        "{option}: '{value}' is not a valid value; {hint}",
        "{option}: '{value}' bukan nilai yang sah; {hint}",
    ),
    "cli.no_such_command": (
        "no command '{name}'; {hint}",
        "tidak ada perintah '{name}'; {hint}",
    ),
    "cli.no_such_command_close": (
        "no command '{name}'; did you mean {close}? {hint}",
        "tidak ada perintah '{name}'; maksudnya {close}? {hint}",
    ),
    "cli.extra_arguments": (
        "unexpected extra argument(s): {args}; quote a value that has spaces. {hint}",
        "argumen berlebih: {args}; beri tanda kutip pada nilai yang berspasi. {hint}",
    ),
    "cli.usage_other": ("{detail}; {hint}", "{detail}; {hint}"),
}
