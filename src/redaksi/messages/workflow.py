"""Messages: the transitions (English, Indonesian)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # -- the workflow ----------------------------------------------------------------------------
    "article.unknown": (
        "no article '{ref}': give a slug, an id (or the start of one) or a path; "
        "'redaksi list --status all' shows them",
        "tidak ada artikel '{ref}': berikan slug, id (atau awalnya) atau path; "
        "'redaksi list --status all' menampilkannya",
    ),
    "article.ambiguous": (
        "'{ref}' matches more than one article ({candidates}); give more of the id, or the path",
        "'{ref}' cocok dengan lebih dari satu artikel ({candidates}); berikan id lebih panjang, "
        "atau path-nya",
    ),
    "workflow.wrong_state": (
        "cannot {action} an article in '{status}'; {action} applies to: {allowed}",
        "tidak bisa {action} artikel berstatus '{status}'; {action} hanya untuk: {allowed}",
    ),
    "workflow.reporter_or_role": (
        "{name} <{email}> is neither this article's reporter nor {role_msg}; "
        "only they may {action} it",
        "{name} <{email}> bukan wartawan artikel ini dan bukan {role_msg}; "
        "hanya mereka yang boleh {action}",
    ),
    "workflow.four_eyes": (
        "four_eyes is on: you reported this article, so someone else must {action} it",
        "four_eyes aktif: Anda wartawan artikel ini, jadi orang lain yang harus {action}",
    ),
    "workflow.missing_option": (
        "{action} needs {option}; pass it, or run on a terminal to be asked",
        "{action} memerlukan {option}; berikan opsi itu, atau jalankan di terminal untuk ditanya",
    ),
    "workflow.bad_choice": (
        "{option} '{value}' is not one of: {choices}",
        "{option} '{value}' bukan salah satu dari: {choices}",
    ),
    "workflow.would_not_validate": (
        "the article would not validate after this step ({detail_msg}); fix it and try again; "
        "nothing was changed",
        "artikel tidak akan lolos validasi setelah langkah ini ({detail_msg}); perbaiki lalu "
        "coba lagi; tidak ada yang berubah",
    ),
    "workflow.done": (
        "{action}: {title} ({from_state} -> {to_state}), commit {commit}",
        "{action}: {title} ({from_state} -> {to_state}), commit {commit}",
    ),
    "prompt.note": ("Note", "Catatan"),
    "prompt.ground": ("Ground (Dewan Pers §5)", "Alasan (Dewan Pers §5)"),
    "prompt.reason": ("Public reason", "Alasan untuk publik"),
    "prompt.correction_type": ("Correction type", "Jenis koreksi"),
    # -- times and schedules -------------------------------------------------------------------
    "when.format": (
        "{option} '{value}' is not a time: write it as 2026-12-01 06:00 (the newsroom's zone) "
        "or as RFC 3339 with an offset (2026-12-01T06:00:00+07:00)",
        "{option} '{value}' bukan waktu: tulis seperti 2026-12-01 06:00 (zona redaksi) atau "
        "RFC 3339 dengan zona (2026-12-01T06:00:00+07:00)",
    ),
    "when.impossible": (
        "{option} '{value}' is not a real date and time",
        "{option} '{value}' bukan tanggal dan jam yang ada",
    ),
    "when.ambiguous": (
        "{option} '{value}' happens twice in the newsroom's zone (the clocks turn back); give "
        "it with an offset, such as +07:00",
        "{option} '{value}' terjadi dua kali di zona redaksi (jam dimundurkan); tulis dengan "
        "zona, misalnya +07:00",
    ),
    "when.skipped": (
        "{option} '{value}' never happens in the newsroom's zone (the clocks skip it); choose "
        "another time",
        "{option} '{value}' tidak pernah terjadi di zona redaksi (jam melompatinya); pilih "
        "waktu lain",
    ),
    "when.past": (
        "{option} '{value}' is not in the future; to publish now, leave out --at",
        "{option} '{value}' bukan waktu mendatang; untuk terbit sekarang, hapus --at",
    ),
    "workflow.embargoed": (
        "the story is under embargo until {until}; '{action}' cannot put it out before then "
        "(lift it with 'redaksi embargo ARTICLE --lift' if the embargo no longer holds)",
        "berita ini diembargo sampai {until}; '{action}' tidak bisa menerbitkannya sebelum itu "
        "(cabut dengan 'redaksi embargo ARTIKEL --lift' bila embargo tak berlaku lagi)",
    ),
    "workflow.not_due": (
        "the story is scheduled for {when}; it is not due yet",
        "berita ini dijadwalkan {when}; belum waktunya",
    ),
    "embargo.one_of": (
        "say when the embargo ends (--until '2026-12-01 06:00') or lift it (--lift)",
        "sebutkan kapan embargo berakhir (--until '2026-12-01 06:00') atau cabut (--lift)",
    ),
    "release.none": (
        "nothing is due: {scheduled} scheduled, none before {now}",
        "tidak ada yang jatuh tempo: {scheduled} terjadwal, tak satu pun sebelum {now}",
    ),
    "release.done": (
        "released {title} ({path}), scheduled by {by} for {when}; commit {commit}",
        "dirilis {title} ({path}), dijadwalkan oleh {by} untuk {when}; commit {commit}",
    ),
    "release.skipped": (
        "{path}: already released elsewhere ({detail})",
        "{path}: sudah dirilis di tempat lain ({detail})",
    ),
    "release.could_not": (
        "redaksi: {path}: not released: {detail}",
        "redaksi: {path}: tidak dirilis: {detail}",
    ),
    "release.failed": (
        "could not release {count} article(s): {paths}; see the lines above",
        "gagal merilis {count} artikel: {paths}; lihat baris di atas",
    ),
}
