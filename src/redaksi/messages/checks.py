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
        "commit {commit}: {author} publishes a story they reported, but four_eyes is on",
        "commit {commit}: {author} menerbitkan berita liputannya sendiri, padahal four_eyes aktif",
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
