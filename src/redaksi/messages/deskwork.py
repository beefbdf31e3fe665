"""Messages: the desk's day: staff, reassign, discard, edit, diff, finding articles."""

MESSAGES: dict[str, tuple[str, str]] = {
    # -- staff -----------------------------------------------------------------------------------
    "staff.config_uncommitted": (
        "warning: redaksi.yaml has uncommitted changes; roles come from the committed file "
        "(what CI's verify sees): commit it as a publisher, or restore it (git restore "
        "redaksi.yaml) and use 'redaksi staff add'",
        "peringatan: redaksi.yaml punya perubahan yang belum di-commit; peran diambil dari "
        "berkas yang sudah di-commit (yang dilihat verify di CI): commit sebagai publisher, "
        "atau kembalikan (git restore redaksi.yaml) lalu pakai 'redaksi staff add'",
    ),
    "staff.config_dirty": (
        "redaksi.yaml has uncommitted changes; a staff change is a commit of its own: commit "
        "or restore them first (git restore redaksi.yaml); nothing was changed",
        "redaksi.yaml punya perubahan yang belum di-commit; perubahan staff adalah commit "
        "tersendiri: commit atau kembalikan dulu (git restore redaksi.yaml); tidak ada yang "
        "berubah",
    ),
    "staff.no_list": (
        "redaksi.yaml has no 'staff:' list to change; add one by hand first",
        "redaksi.yaml tidak punya daftar 'staff:' untuk diubah; tambahkan dulu secara manual",
    ),
    "staff.exists": (
        "{email} is already on staff; to change their roles, 'redaksi staff remove' them and "
        "add them again",
        "{email} sudah terdaftar di staff; untuk mengubah perannya, 'redaksi staff remove' "
        "lalu tambahkan lagi",
    ),
    "staff.not_found": (
        "{email} is not on staff; 'redaksi staff list' shows who is",
        "{email} tidak terdaftar di staff; 'redaksi staff list' menampilkan siapa saja",
    ),
    "staff.last_publisher": (
        "{email} is the last publisher; add another publisher first, or nobody could change "
        "the staff or publish again",
        "{email} adalah publisher terakhir; tambahkan publisher lain dulu, atau tidak ada lagi "
        "yang bisa mengubah staff dan menerbitkan",
    ),
    "staff.empty_name": ("--name must not be empty", "--name tidak boleh kosong"),
    "staff.bad_email": (
        "'{email}' is not an email address",
        "'{email}' bukan alamat email",
    ),
    "staff.bad_role": (
        "role '{role}' is not one of: {choices} (give --role once for each)",
        "peran '{role}' bukan salah satu dari: {choices} (berikan --role untuk masing-masing)",
    ),
    "staff.rewrite_unsafe": (
        "redaksi cannot change redaksi.yaml's staff without touching other lines; edit it by "
        "hand and commit it as a publisher",
        "redaksi tidak bisa mengubah staff di redaksi.yaml tanpa menyentuh baris lain; ubah "
        "secara manual lalu commit sebagai publisher",
    ),
    "staff.added": (
        "{name} <{email}> is on staff as {roles} (commit {commit})",
        "{name} <{email}> terdaftar di staff sebagai {roles} (commit {commit})",
    ),
    "staff.removed": (
        "{email} is no longer on staff (commit {commit})",
        "{email} tidak lagi terdaftar di staff (commit {commit})",
    ),
    # -- reassign and discard --------------------------------------------------------------------
    "workflow.same_reporter": (
        "{email} is already this article's reporter; nothing was changed",
        "{email} sudah menjadi wartawan artikel ini; tidak ada yang berubah",
    ),
    "reassign.not_reporter": (
        "{email} is on staff but not a reporter; a story goes to a reporter",
        "{email} terdaftar di staff tetapi bukan wartawan; berita diserahkan ke wartawan",
    ),
    "transition.uncommitted": (
        "{path} has uncommitted changes, which {action} cannot carry (verify would call them "
        "hand edits); put them aside (git stash), run {action} again, then git stash pop",
        "{path} punya perubahan yang belum di-commit, yang tidak bisa dibawa {action} (verify "
        "akan menyebutnya suntingan tangan); simpan dulu (git stash), jalankan {action} lagi, "
        "lalu git stash pop",
    ),
    "discard.uncommitted": (
        "{path} has changes that were never committed and would be lost; commit them, or run "
        "discard on a terminal to confirm; nothing was changed",
        "{path} punya perubahan yang belum pernah di-commit dan akan hilang; commit dulu, atau "
        "jalankan discard di terminal untuk mengonfirmasi; tidak ada yang berubah",
    ),
    "discard.untracked": (
        "{path} was never committed, so there is nothing to discard in git; delete the file "
        "yourself if you no longer want it",
        "{path} belum pernah di-commit, jadi tidak ada yang dibuang di git; hapus sendiri "
        "berkasnya bila tidak diperlukan",
    ),
    "discard.confirm": (
        "{path} has uncommitted changes that will be lost. Discard it anyway?",
        "{path} punya perubahan yang belum di-commit dan akan hilang. Tetap buang?",
    ),
    "discard.done": (
        "discard: {title} (the draft is deleted; git history keeps it), commit {commit}",
        "discard: {title} (draf dihapus; riwayat git tetap menyimpannya), commit {commit}",
    ),
    # -- naming an article -----------------------------------------------------------------------
    "article.unknown_similar": (
        "no article '{ref}'; did you mean: {candidates}?",
        "tidak ada artikel '{ref}'; maksudnya: {candidates}?",
    ),
    "article.exact_needed": (
        "'{ref}' is only the start of a name; this step cannot be undone, so give the whole "
        "slug, id or path (it may be: {candidates})",
        "'{ref}' hanya awal sebuah nama; langkah ini tidak bisa dibatalkan, jadi berikan slug, "
        "id atau path lengkap (mungkin: {candidates})",
    ),
    # -- prompts ---------------------------------------------------------------------------------
    "prompt.empty": (
        "this cannot be empty; type it, or press Ctrl-C to stop",
        "tidak boleh kosong; ketikkan, atau tekan Ctrl-C untuk berhenti",
    ),
    "prompt.arrows": (
        "(arrow keys to move, Enter to choose)",
        "(tombol panah untuk memilih, Enter untuk memastikan)",
    ),
    "prompt.yes": ("Yes", "Ya"),
    "prompt.no": ("No", "Tidak"),
    "prompt.declined": (
        "not done; nothing was changed",
        "tidak dijalankan; tidak ada yang berubah",
    ),
    "prompt.reassign_to": ("Hand it to", "Serahkan kepada"),
    "ground.sara": (
        "ethnicity, religion, race or group hatred (SARA)",
        "suku, agama, ras dan antargolongan (SARA)",
    ),
    "ground.kesusilaan": ("indecency", "melanggar kesusilaan"),
    "ground.anak": ("harms a child's future", "membahayakan masa depan anak"),
    "ground.trauma": ("a victim's trauma", "trauma korban"),
    "ground.dewan-pers": (
        "on the Press Council's (Dewan Pers) decision",
        "atas pertimbangan Dewan Pers",
    ),
    "retract.confirm": (
        "Retract '{title}' on ground '{ground}'? Readers will see only the public notice; "
        "this cannot be undone",
        "Cabut '{title}' dengan alasan '{ground}'? Pembaca hanya akan melihat pengumuman "
        "publik; ini tidak bisa dibatalkan",
    ),
    # -- writing ---------------------------------------------------------------------------------
    "draft.two_bodies": (
        "give the story with --body or --body-file, not both",
        "berikan isi berita dengan --body atau --body-file, tidak keduanya",
    ),
    "draft.body_unreadable": (
        "cannot read {path} ({detail}); give a UTF-8 text file",
        "{path} tidak bisa dibaca ({detail}); berikan berkas teks UTF-8",
    ),
    "submit.unwritten": (
        "the body is empty or still the template 'redaksi draft' wrote; write the story first "
        "(redaksi edit), then submit",
        "isi berita masih kosong atau masih templat dari 'redaksi draft'; tulis beritanya dulu "
        "(redaksi edit), lalu kirim",
    ),
    "edit.failed": (
        "the editor '{editor}' failed ({detail}); set VISUAL or EDITOR to one that works, "
        "for example: export EDITOR=nano",
        "editor '{editor}' gagal ({detail}); atur VISUAL atau EDITOR ke editor yang berfungsi, "
        "misalnya: export EDITOR=nano",
    ),
    "edit.saved": ("Saved {path}.", "{path} tersimpan."),
    "draft.next": (
        "Write the story (redaksi edit {slug}), then send it to the editors:\n"
        "  redaksi submit {slug}",
        "Tulis beritanya (redaksi edit {slug}), lalu kirim ke redaktur:\n  redaksi submit {slug}",
    ),
    "diff.since": (
        "since {since} ({commit}, {date}, {who}):",
        "sejak {since} ({commit}, {date}, {who}):",
    ),
    "diff.none": ("no changes since then", "tidak ada perubahan sejak itu"),
    "diff.no_step": (
        "'{slug}' has no '{step}' step yet; 'redaksi log {slug}' shows its steps",
        "'{slug}' belum punya langkah '{step}'; 'redaksi log {slug}' menampilkan langkahnya",
    ),
    "diff.unknown_rev": (
        "'{rev}' is neither submit, approve, publish nor a git revision",
        "'{rev}' bukan submit, approve, publish maupun revisi git",
    ),
    "diff.not_there": (
        "{path} was not an article at '{rev}'",
        "{path} bukan artikel pada '{rev}'",
    ),
    # -- what list, show and log call things ----------------------------------------------------
    "list.empty": (
        "nothing on the desk in: {statuses}",
        "tidak ada artikel berstatus: {statuses}",
    ),
    "list.status": ("STATUS", "STATUS"),
    "list.waiting": ("WAITING", "MENUNGGU"),
    "list.slug": ("SLUG", "SLUG"),
    "list.category": ("CATEGORY", "KATEGORI"),
    "list.title": ("TITLE", "JUDUL"),
    "list.reporter": ("REPORTER", "WARTAWAN"),
    "list.status_returned": ("{status} (sent back)", "{status} (dikembalikan)"),
    "list.returned_note": ("{who}: {note}", "{who}: {note}"),
    "log.when": ("WHEN", "WAKTU"),
    "log.action": ("ACTION", "LANGKAH"),
    "log.state": ("STATE", "STATUS"),
    "log.who": ("WHO", "OLEH"),
    "log.commit": ("COMMIT", "COMMIT"),
    "log.note": ("NOTE", "CATATAN"),
    "staff.col_name": ("NAME", "NAMA"),
    "staff.col_email": ("EMAIL", "EMAIL"),
    "staff.col_roles": ("ROLES", "PERAN"),
    "show.title": ("Title", "Judul"),
    "show.path": ("Path", "Berkas"),
    "show.status": ("Status", "Status"),
    "show.category": ("Category", "Kategori"),
    "show.tags": ("Tags", "Tag"),
    "show.dateline": ("Dateline", "Dateline"),
    "show.id": ("Id", "Id"),
    "show.reporter": ("Reporter", "Wartawan"),
    "show.editor": ("Editor", "Redaktur"),
    "show.publisher": ("Publisher", "Publisher"),
    "show.created_at": ("Created", "Dibuat"),
    "show.publish_at": ("Scheduled for", "Dijadwalkan"),
    "show.published_at": ("Published", "Terbit"),
    "show.updated_at": ("Updated", "Diperbarui"),
    "show.embargo_until": ("Embargo until", "Embargo sampai"),
    "show.photo": ("Photo", "Foto"),
    "show.retraction": ("Retraction", "Pencabutan"),
    "show.correction": ("Correction", "Koreksi"),
    "show.history": ("History", "Riwayat"),
    # -- validate and verify in GitHub ------------------------------------------------------------
    "report.more": (
        "{count} more problem(s): see the job summary",
        "{count} masalah lagi: lihat ringkasan job",
    ),
    "report.header": (
        "| file | line | rule | problem |",
        "| berkas | baris | aturan | masalah |",
    ),
    "report.and_more": ("…and {count} more.", "…dan {count} lagi."),
    "report.none": ("No problems.", "Tidak ada masalah."),
}
