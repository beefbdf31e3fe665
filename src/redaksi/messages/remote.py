"""Messages: many desks, one remote; interrupted commands (English, Indonesian)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # -- many desks ------------------------------------------------------------------------------
    "remote.detached": (
        "HEAD is detached: check out your newsroom branch (git switch main) to push",
        "HEAD terlepas: pindah ke branch redaksi (git switch main) untuk push",
    ),
    "remote.no_upstream": (
        "branch '{branch}' has no upstream to push to; run: git push -u {remote} {branch}",
        "branch '{branch}' belum punya upstream; jalankan: git push -u {remote} {branch}",
    ),
    "remote.no_remote": (
        "this clone has no remote to push to; add the newsroom's: git remote add origin URL && "
        "git push -u origin {branch}",
        "clone ini belum punya remote untuk push; tambahkan milik redaksi: git remote add "
        "origin URL && git push -u origin {branch}",
    ),
    "remote.busy": (
        "a git operation is half done in this clone ({state}); finish or abort it first",
        "ada operasi git yang belum selesai di clone ini ({state}); selesaikan atau batalkan dulu",
    ),
    "remote.photo_taken": (
        "upstream already has another file under this name; nothing was pushed: put your photo "
        "on again from a file with another name (redaksi photo), then retry",
        "upstream sudah punya berkas lain dengan nama ini; tidak ada yang didorong: pasang foto "
        "Anda lagi dari berkas bernama lain (redaksi photo), lalu coba lagi",
    ),
    "remote.article_conflict": (
        "the article changed upstream (last by {who}) while you edited it here; your edits are "
        "kept: commit them, then git pull --rebase",
        "artikel berubah di upstream (terakhir oleh {who}) saat Anda menyuntingnya di sini; "
        "suntingan Anda aman: commit, lalu git pull --rebase",
    ),
    "remote.replay_conflict": (
        "local commit {commit} changes {file}, which also changed upstream; nothing was changed: "
        "resolve it with git pull --rebase",
        "commit lokal {commit} mengubah {file}, yang juga berubah di upstream; tidak ada yang "
        "berubah: selesaikan dengan git pull --rebase",
    ),
    "sync.dropped": (
        "dropped {subject} ({commit}): {by} already moved the article to '{status}'",
        "dibatalkan {subject} ({commit}): {by} sudah memindahkan artikel ke '{status}'",
    ),
    "sync.pushed": ("synced: the remote is at {commit}", "tersinkron: remote kini di {commit}"),
    "sync.nothing": (
        "nothing to sync: this clone is up to date with the remote",
        "tidak ada yang perlu disinkronkan: clone ini sudah mutakhir",
    ),
    # -- interrupted commands --------------------------------------------------------------------
    "guard.busy": (
        "another redaksi command is working in this clone (waited {seconds} s); try again when it "
        "is done",
        "perintah redaksi lain sedang berjalan di clone ini (sudah menunggu {seconds} detik); "
        "coba lagi setelah selesai",
    ),
    "guard.completed": (
        "the interrupted {action} of {path} had been committed; nothing to repair",
        "{action} yang terputus untuk {path} sudah ter-commit; tidak ada yang perlu diperbaiki",
    ),
    "guard.rolled_back": (
        "the interrupted {action} of {path} was written but never committed; the article is back "
        "as it was before: run the step again",
        "{action} yang terputus untuk {path} sudah tertulis tetapi belum di-commit; artikel "
        "dikembalikan seperti semula: jalankan lagi langkahnya",
    ),
    "guard.nothing": (
        "the interrupted {action} of {path} had not changed the article; nothing to repair",
        "{action} yang terputus untuk {path} belum mengubah artikel; tidak ada yang perlu "
        "diperbaiki",
    ),
    "guard.left_alone": (
        "found an interrupted {action} of {path}, but the file has changed since; it was left "
        "as it is: check it with git diff",
        "ditemukan {action} yang terputus untuk {path}, tetapi berkasnya sudah berubah; berkas "
        "dibiarkan: periksa dengan git diff",
    ),
    "guard.stale_lock": (
        "git left .git/index.lock behind when it was interrupted; if no git command is running, "
        "remove it: rm .git/index.lock",
        "git meninggalkan .git/index.lock saat terputus; bila tidak ada perintah git yang "
        "berjalan, hapus: rm .git/index.lock",
    ),
    "file.symlink": (
        "'{path}' is a symbolic link; redaksi reads and writes only regular files inside the "
        "newsroom",
        "'{path}' adalah tautan simbolik; redaksi hanya membaca dan menulis berkas biasa di "
        "dalam redaksi",
    ),
}
