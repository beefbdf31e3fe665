"""Messages: pushing steps and syncing them; why a push did not happen (English, Indonesian)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # -- why the remote did not take a push ------------------------------------------------------
    "remote.why_unreachable": (
        "cannot reach the remote ({reason})",
        "remote tidak bisa dihubungi ({reason})",
    ),
    "remote.why_refused": (
        "the remote refused the push ({reason})",
        "remote menolak push ({reason})",
    ),
    "remote.why_hook": (
        "your own pre-push hook stopped the push ({reason})",
        "hook pre-push Anda sendiri menghentikan push ({reason})",
    ),
    "remote.why_locked": (
        "the remote's branch stays locked by a git process that may have died there ({reason}); "
        "whoever runs the remote can remove the stale lock",
        "branch di remote tetap terkunci oleh proses git yang mungkin mati di sana ({reason}); "
        "pengelola remote bisa menghapus kunci basi itu",
    ),
    "remote.kept": (
        "{why_msg}; the step is committed here ({commit}): 'redaksi sync' pushes it later",
        "{why_msg}; langkah ini sudah di-commit di sini ({commit}): 'redaksi sync' akan "
        "mem-push-nya nanti",
    ),
    "remote.not_kept": (
        "{why_msg}; the step could not be committed here either ({detail_msg}); nothing was "
        "changed",
        "{why_msg}; langkah ini juga tidak bisa di-commit di sini ({detail_msg}); tidak ada "
        "yang berubah",
    ),
    "remote.not_pushed": (
        "{why_msg}; nothing was pushed and your local commits are unchanged",
        "{why_msg}; tidak ada yang di-push dan commit lokal Anda tidak berubah",
    ),
    "remote.race_lost": (
        "other desks kept pushing first for {seconds} seconds; nothing was pushed or lost: run "
        "the command again",
        "desk lain terus push lebih dulu selama {seconds} detik; tidak ada yang di-push atau "
        "hilang: jalankan perintahnya lagi",
    ),
    # -- what stops a push before it starts ------------------------------------------------------
    "remote.strangers": (
        "{count} local commit(s) are not steps you took with redaksi (the first: {why_msg}): "
        "{commits}; redaksi pushes only your own steps, so nothing was pushed: send those "
        "through a pull request, or take them off this branch (git rebase -i {upstream}), then "
        "try again",
        "{count} commit lokal bukan langkah yang Anda ambil dengan redaksi (yang pertama: "
        "{why_msg}): {commits}; redaksi hanya mem-push langkah Anda sendiri, jadi tidak ada "
        "yang di-push: kirim lewat pull request, atau keluarkan dari branch ini "
        "(git rebase -i {upstream}), lalu coba lagi",
    ),
    "remote.why_hand": ("made by hand, without redaksi", "dibuat manual, tanpa redaksi"),
    "remote.why_other": ("committed by someone else", "di-commit orang lain"),
    "remote.why_merge": ("a merge", "sebuah merge"),
    "remote.why_scope": (
        "it changes more than its article",
        "mengubah lebih dari artikelnya sendiri",
    ),
    "remote.why_dropped_upstream": (
        "the remote had them and no longer has them (rewritten there)",
        "remote pernah memilikinya dan kini tidak lagi (ditulis ulang di sana)",
    ),
    "remote.must_sign": (
        "redaksi.yaml on the remote has require_signed: true, but git here does not sign "
        "commits: set git config commit.gpgsign true (and user.signingkey); nothing was pushed",
        "redaksi.yaml di remote memuat require_signed: true, tetapi git di sini tidak "
        "menandatangani commit: atur git config commit.gpgsign true (dan user.signingkey); "
        "tidak ada yang di-push",
    ),
    "remote.sign_failed": (
        "git could not sign the commit ({detail}); check gpg.format and user.signingkey; "
        "nothing was pushed",
        "git tidak bisa menandatangani commit ({detail}); periksa gpg.format dan "
        "user.signingkey; tidak ada yang di-push",
    ),
    # -- the article upstream --------------------------------------------------------------------
    "remote.moved": (
        "{who} already moved this article to '{status}' upstream; your step no longer applies "
        "and nothing was pushed",
        "{who} sudah memindahkan artikel ini ke '{status}' di upstream; langkah Anda tidak "
        "berlaku lagi dan tidak ada yang di-push",
    ),
    "remote.deleted": (
        "the article is no longer on the remote: {who} deleted or moved it there; nothing was "
        "pushed",
        "artikel ini tidak ada lagi di remote: {who} menghapus atau memindahkannya di sana; "
        "tidak ada yang di-push",
    ),
    "remote.behind": (
        "pushed; this clone did not move because of local changes in the way: commit or stash "
        "them, then git pull",
        "sudah di-push; clone ini tidak bergerak karena ada perubahan lokal yang menghalangi: "
        "commit atau stash, lalu git pull",
    ),
    # -- interrupted pushes ----------------------------------------------------------------------
    "remote.interrupted_push": (
        "interrupted while pushing {commit}: the remote may or may not have the step; this "
        "clone is unchanged: git fetch, then redaksi log, shows which",
        "dihentikan saat push {commit}: remote mungkin sudah atau belum menerima langkah ini; "
        "clone ini tidak berubah: git fetch, lalu redaksi log, menunjukkannya",
    ),
    "remote.interrupted_sync": (
        "interrupted while pushing: the remote may have your steps; run redaksi sync again: it "
        "never pushes a step twice",
        "dihentikan saat push: remote mungkin sudah menerima langkah Anda; jalankan lagi "
        "redaksi sync: langkah yang sama tidak pernah di-push dua kali",
    ),
    "guard.landed": (
        "the interrupted {action} is committed here now; the remote has it, or 'redaksi sync' "
        "pushes it (never twice)",
        "{action} yang terputus kini sudah di-commit di sini; remote sudah memilikinya, atau "
        "'redaksi sync' akan mem-push-nya (tidak pernah dua kali)",
    ),
    "guard.land_behind": (
        "the interrupted {action} may or may not have reached the remote; your edits to {path} "
        "are back as they were and this clone did not move: git fetch, then redaksi log, shows "
        "whether it did",
        "{action} yang terputus mungkin sudah atau belum sampai di remote; suntingan Anda pada "
        "{path} kembali seperti semula dan clone ini tidak bergerak: git fetch, lalu redaksi "
        "log, menunjukkannya",
    ),
    "guard.land_stopped": (
        "the interrupted {action} left this clone where it was because local changes are in "
        "the way: commit or stash them, then run redaksi sync",
        "{action} yang terputus membiarkan clone ini di tempatnya karena ada perubahan lokal "
        "yang menghalangi: commit atau stash, lalu jalankan redaksi sync",
    ),
    "guard.land_saved": (
        "found an interrupted {action}, but this clone has changed since; nothing was touched, "
        "and your edits to the article are saved in {path}: compare with git diff --no-index",
        "ditemukan {action} yang terputus, tetapi clone ini sudah berubah; tidak ada yang "
        "disentuh, dan suntingan Anda pada artikel disimpan di {path}: bandingkan dengan "
        "git diff --no-index",
    ),
    "guard.land_left": (
        "found an interrupted {action}, but this clone has changed since; it was left as it is",
        "ditemukan {action} yang terputus, tetapi clone ini sudah berubah; dibiarkan apa adanya",
    ),
    # -- sync ------------------------------------------------------------------------------------
    "sync.replayed": (
        "pushed your earlier step: {subject} ({commit})",
        "langkah Anda sebelumnya ikut di-push: {subject} ({commit})",
    ),
    "sync.already": (
        "already on the remote: {subject} ({commit})",
        "sudah ada di remote: {subject} ({commit})",
    ),
    "sync.renamed": (
        "your draft '{old}' is now '{new}': {by} took the slug '{old}' first",
        "draf Anda '{old}' kini '{new}': {by} lebih dulu memakai slug '{old}'",
    ),
    "sync.dropped_deleted": (
        "dropped {subject} ({commit}): {by} deleted or moved the article upstream",
        "dibatalkan {subject} ({commit}): {by} menghapus atau memindahkan artikel di upstream",
    ),
    "sync.dropped_refused": (
        "dropped {subject} ({commit}): the remote's redaksi.yaml does not allow it ({detail_msg})",
        "dibatalkan {subject} ({commit}): redaksi.yaml di remote tidak mengizinkannya "
        "({detail_msg})",
    ),
    "sync.behind": (
        "your steps are all on the remote; this clone did not move because of local changes in "
        "the way: commit or stash them, then git pull",
        "semua langkah Anda sudah ada di remote; clone ini tidak bergerak karena ada perubahan "
        "lokal yang menghalangi: commit atau stash, lalu git pull",
    ),
}
