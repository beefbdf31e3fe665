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
}
