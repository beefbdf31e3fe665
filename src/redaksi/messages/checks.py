"""Messages: validate and verify (English, Indonesian)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # -- validate --------------------------------------------------------------------------------
    "validate.ok": (
        "{checked} file(s) checked, no problems",
        "{checked} berkas diperiksa, tidak ada masalah",
    ),
    "validate.failed": (
        "{count} problem(s) in {files} file(s) of {checked} checked; fix them and run "
        "'redaksi validate' again",
        "{count} masalah di {files} berkas dari {checked} yang diperiksa; perbaiki lalu "
        "jalankan 'redaksi validate' lagi",
    ),
    "validate.progress": ("Checking articles", "Memeriksa artikel"),
    "validate.summary_title": ("redaksi validate", "redaksi validate"),
    # -- verify ----------------------------------------------------------------------------------
    "verify.spelling": (
        "commit {commit} by {author} spells '{field}' in a way redaksi never writes (quoted, "
        "spaced or escaped), which hides the article from verify's searches; write {field}: "
        "plainly at the start of a line, its value in plain characters",
        "commit {commit} oleh {author} menulis '{field}' dengan cara yang tidak pernah dipakai "
        "redaksi (berkutip, berspasi, atau di-escape), sehingga artikel tersembunyi dari "
        "pencarian verify; tulis {field}: apa adanya di awal baris, nilainya dengan karakter biasa",
    ),
    "verify.unreadable": (
        "commit {commit} by {author} leaves a file that is not a readable article; "
        "run 'redaksi validate' on it",
        "commit {commit} oleh {author} meninggalkan berkas yang bukan artikel yang bisa dibaca; "
        "jalankan 'redaksi validate' untuknya",
    ),
    "verify.deleted": (
        "commit {commit} by {author} deletes a {status} article; a published story is never "
        "deleted: retract it with 'redaksi retract' (Dewan Pers §5)",
        "commit {commit} oleh {author} menghapus artikel berstatus {status}; berita yang sudah "
        "terbit tidak boleh dihapus: cabut dengan 'redaksi retract' (Dewan Pers §5)",
    ),
    "verify.renamed": (
        "commit {commit} by {author} moves or renames a {status} article; its address is on "
        "the record: keep the file where it is",
        "commit {commit} oleh {author} memindahkan atau mengganti nama artikel berstatus "
        "{status}; alamatnya sudah tercatat: biarkan berkas di tempatnya",
    ),
    "verify.not_staff": (
        "commit {commit} is by {author}, who is not on staff in redaksi.yaml (as it stood "
        "before this commit)",
        "commit {commit} dibuat oleh {author}, yang tidak terdaftar di staff redaksi.yaml "
        "(sebelum commit ini)",
    ),
    "verify.role": (
        "commit {commit}: {author} may not {action}; only {role_msg} may",
        "commit {commit}: {author} tidak boleh {action}; hanya {role_msg} yang boleh",
    ),
    "verify.four_eyes": (
        "commit {commit}: {author} takes '{action}' on a story they reported (now or before a "
        "reassign), but four_eyes is on",
        "commit {commit}: {author} melakukan '{action}' pada berita liputannya sendiri (kini atau "
        "sebelum diserahkan), padahal four_eyes aktif",
    ),
    "verify.added_not_draft": (
        "commit {commit} by {author} adds an article as '{status}' without 'redaksi draft'; "
        "new articles start as drafts",
        "commit {commit} oleh {author} menambah artikel berstatus '{status}' tanpa "
        "'redaksi draft'; artikel baru dimulai sebagai draf",
    ),
    "verify.credit": (
        "commit {commit}: '{field}' does not name the author {author}, who took this step",
        "commit {commit}: '{field}' tidak menyebut {author}, yang melakukan langkah ini",
    ),
    "verify.status_by_hand": (
        "commit {commit} by {author} changes status from '{before}' to '{after}' by hand; "
        "use the redaksi command for that step",
        "commit {commit} oleh {author} mengubah status dari '{before}' ke '{after}' secara "
        "manual; gunakan perintah redaksi untuk langkah itu",
    ),
    "verify.published_changed": (
        "commit {commit} by {author} changes a {status} article; a published story changes "
        "only with 'redaksi correct' (a public correction) or 'redaksi retract'",
        "commit {commit} oleh {author} mengubah artikel berstatus {status}; berita terbit "
        "hanya berubah lewat 'redaksi correct' (ralat publik) atau 'redaksi retract'",
    ),
    "verify.protected": (
        "commit {commit} by {author} changes '{field}', which only redaksi's own steps may change",
        "commit {commit} oleh {author} mengubah '{field}', yang hanya boleh diubah oleh "
        "langkah redaksi",
    ),
    "verify.illegal": (
        "commit {commit} by {author} claims '{action}' but moves the article from '{before}' "
        "to '{after}', which that step cannot do",
        "commit {commit} oleh {author} mengaku '{action}' tetapi memindahkan artikel dari "
        "'{before}' ke '{after}', yang tidak bisa dilakukan langkah itu",
    ),
    "verify.trailer": (
        "commit {commit}: trailer {trailer} should be '{expected}', found '{found}'",
        "commit {commit}: trailer {trailer} seharusnya '{expected}', tertulis '{found}'",
    ),
    "verify.record": (
        "commit {commit}: the step does not record '{field}' completely (time, and type and "
        "note, or ground and reason)",
        "commit {commit}: langkah ini tidak mencatat '{field}' dengan lengkap (waktu, serta "
        "jenis dan catatan, atau alasan dan penjelasan)",
    ),
    "verify.history": (
        "commit {commit}: history must keep every entry and add exactly one for '{action}' "
        "by the author",
        "commit {commit}: history harus menyimpan semua entri dan menambah tepat satu untuk "
        "'{action}' oleh penulis commit",
    ),
    "verify.extra_files": (
        "commit {commit} is a transition but changes {count} files; a transition commits the "
        "article alone",
        "commit {commit} adalah transisi tetapi mengubah {count} berkas; transisi hanya "
        "meng-commit artikelnya",
    ),
    "verify.unsigned": (
        "commit {commit} by {author} has no good signature, and redaksi.yaml requires signed "
        "transitions (git verify-commit {commit})",
        "commit {commit} oleh {author} tidak bertanda tangan yang sah, padahal redaksi.yaml "
        "mewajibkan transisi bertanda tangan (git verify-commit {commit})",
    ),
    "verify.edits": (
        "commit {commit} by {author}: '{action}' changes the story ({field}); that step changes "
        "nothing but what it records",
        "commit {commit} oleh {author}: '{action}' mengubah isi berita ({field}); langkah itu "
        "hanya mengubah apa yang dicatatnya",
    ),
    "verify.early": (
        "commit {commit} releases the story before its {field} ({when})",
        "commit {commit} merilis berita sebelum {field} ({when})",
    ),
    "verify.embargo": (
        "commit {commit} by {author} puts the story out (or sets it to go out) before its embargo "
        "ends at {until}",
        "commit {commit} oleh {author} menerbitkan berita (atau menjadwalkannya) sebelum embargo "
        "berakhir pada {until}",
    ),
    "verify.release_author": (
        "commit {commit} releases the story as {author}, who did not schedule it; a release is "
        "authored by the publisher who scheduled it",
        "commit {commit} merilis berita atas nama {author}, yang tidak menjadwalkannya; rilis "
        "ditulis atas nama penerbit yang menjadwalkannya",
    ),
    "verify.stray": (
        "commit {commit} by {author} carries redaksi trailers for article {article} but does not "
        "change it; remove the trailers",
        "commit {commit} oleh {author} membawa trailer redaksi untuk artikel {article} tetapi "
        "tidak mengubahnya; hapus trailer itu",
    ),
    "verify.unknown_action": (
        "commit {commit} by {author} claims the step '{action}', which redaksi does not have",
        "commit {commit} oleh {author} mengaku langkah '{action}', yang tidak ada di redaksi",
    ),
    "verify.miscased": (
        "commit {commit} by {author} leaves '{path}' in a folder spelled like {folder}/ in other "
        "letters: one folder on a case-insensitive disk, but never read as {folder}/; move it "
        "into {folder}/",
        "commit {commit} oleh {author} meninggalkan '{path}' di folder yang dieja seperti "
        "{folder}/ dengan huruf lain: satu folder di disk yang tak membedakan huruf besar, tetapi "
        "tidak pernah dibaca sebagai {folder}/; pindahkan ke {folder}/",
    ),
    "verify.not_article": (
        "commit {commit} by {author} leaves '{path}' under articles/, which is not an article "
        "(articles are <slug>.md files); move it out of articles/",
        "commit {commit} oleh {author} meninggalkan '{path}' di articles/, yang bukan artikel "
        "(artikel adalah berkas <slug>.md); pindahkan keluar dari articles/",
    ),
    "verify.config": (
        "commit {commit} by {author} changes {path}; redaksi.yaml, the schemas and redaksi's CI "
        "block change only in a commit of their own by a publisher",
        "commit {commit} oleh {author} mengubah {path}; redaksi.yaml, skema, dan blok CI redaksi "
        "hanya boleh diubah dalam commit tersendiri oleh penerbit",
    ),
    "verify.media": (
        "commit {commit} by {author} changes or deletes {path}, the photo of {article}, which is "
        "on the record",
        "commit {commit} oleh {author} mengubah atau menghapus {path}, foto {article}, yang sudah "
        "tercatat",
    ),
    "verify.future": (
        "commit {commit} by {author} is dated {date}, in the future; fix the machine's clock and "
        "commit again",
        "commit {commit} oleh {author} bertanggal {date}, di masa depan; perbaiki jam komputer "
        "lalu commit ulang",
    ),
    "verify.schema": (
        "where the pull request leaves it, this article breaks the base branch's rules: "
        "{detail_msg}",
        "pada akhir pull request, artikel ini melanggar aturan cabang dasar: {detail_msg}",
    ),
    "verify.final_unreadable": (
        "where the pull request leaves it, this file is not a readable article",
        "pada akhir pull request, berkas ini bukan artikel yang bisa dibaca",
    ),
    "verify.import_changes": (
        "commit {commit} by {author} is an import but changes more than it adds; an import only "
        "adds articles (and categories)",
        "commit {commit} oleh {author} adalah impor tetapi mengubah lebih dari yang ditambahkan; "
        "impor hanya menambah artikel (dan kategori)",
    ),
    "verify.import_config": (
        "commit {commit} by {author} is an import that changes redaksi.yaml beyond appending "
        "categories",
        "commit {commit} oleh {author} adalah impor yang mengubah redaksi.yaml lebih dari "
        "menambah kategori",
    ),
    "verify.import_article": (
        "commit {commit} by {author} imports {path} without its 'imported' record and one "
        "'import' history entry by the author, or dated after the commit",
        "commit {commit} oleh {author} mengimpor {path} tanpa catatan 'imported' dan satu entri "
        "history 'import' oleh penulisnya, atau bertanggal setelah commit",
    ),
    "validate.outside": (
        "'{path}' is outside this newsroom; name files under its articles/ folder",
        "'{path}' berada di luar redaksi ini; sebutkan berkas di bawah folder articles/-nya",
    ),
    "validate.not_checkable": (
        "'{path}' is not an article, redaksi.yaml or a schema; redaksi validates those only",
        "'{path}' bukan artikel, redaksi.yaml, atau skema; redaksi hanya memvalidasi itu",
    ),
    "verify.behind": (
        "the branch does not contain {base}: what it would do once merged cannot be judged; "
        "merge {base} into it (or rebase onto it) and push again",
        "cabang ini tidak memuat {base}: akibatnya setelah digabung tidak bisa dinilai; "
        "gabungkan {base} ke dalamnya (atau rebase ke atasnya) lalu push lagi",
    ),
    "verify.when": (
        "commit {commit} by {author} records a {field} that is not when the step was taken "
        "(before the story existed or was due, or after the commit)",
        "commit {commit} oleh {author} mencatat {field} yang bukan saat langkah itu diambil "
        "(sebelum berita ada atau jatuh tempo, atau setelah commit)",
    ),
    "verify.ok": (
        "{commits} commit(s) checked, {transitions} transition(s), no problems",
        "{commits} commit diperiksa, {transitions} transisi, tidak ada masalah",
    ),
    "verify.failed": (
        "{count} problem(s) in {commits} commit(s) checked; a pull request must move articles "
        "only with redaksi's own steps",
        "{count} masalah di {commits} commit yang diperiksa; pull request hanya boleh "
        "memindahkan artikel lewat langkah redaksi",
    ),
}
