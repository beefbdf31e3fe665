"""Messages: the CI files ``redaksi init --ci`` writes (English, Indonesian)."""

_FORMS = (
    "a version (1.2.0), an https URL of a redaksi wheel (.../redaksi-1.2.0-py3-none-any.whl) "
    "or a git URL with a tag (git+https://github.com/you/redaksi@v1.2.0)",
    "versi (1.2.0), URL https wheel redaksi (.../redaksi-1.2.0-py3-none-any.whl) "
    "atau URL git dengan tag (git+https://github.com/anda/redaksi@v1.2.0)",
)

MESSAGES: dict[str, tuple[str, str]] = {
    "ci.unknown": (
        "--ci must be one of: {choices}, not '{kind}'",
        "--ci harus salah satu dari: {choices}, bukan '{kind}'",
    ),
    "ci.dev_version": (
        "redaksi {version} is a development build that no package index serves, so CI could not "
        "install it: set ci: {{install: ...}} in redaksi.yaml to " + _FORMS[0] + ", then run "
        "'redaksi init --ci' again; nothing was written",
        "redaksi {version} adalah build pengembangan yang tidak tersedia di package index, jadi "
        "CI tidak bisa memasangnya: isi ci: {{install: ...}} di redaksi.yaml dengan "
        + _FORMS[1]
        + ", lalu jalankan 'redaksi init --ci' lagi; tidak ada yang ditulis",
    ),
    "ci.dev_version_new": (
        "redaksi {version} is a development build that no package index serves, so CI could not "
        "install it: run 'redaksi init' without --ci, set ci: {{install: ...}} in redaksi.yaml "
        "to " + _FORMS[0] + ", then run 'redaksi init --ci'; nothing was written",
        "redaksi {version} adalah build pengembangan yang tidak tersedia di package index, jadi "
        "CI tidak bisa memasangnya: jalankan 'redaksi init' tanpa --ci, isi ci: {{install: ...}} "
        "di redaksi.yaml dengan " + _FORMS[1] + ", lalu jalankan 'redaksi init --ci'; "
        "tidak ada yang ditulis",
    ),
    "ci.bad_install": (
        "ci.install in redaksi.yaml is '{value}', which is not " + _FORMS[0] + "; fix it and run "
        "again; nothing was written",
        "ci.install di redaksi.yaml berisi '{value}', bukan " + _FORMS[1] + "; perbaiki lalu "
        "jalankan lagi; tidak ada yang ditulis",
    ),
    "ci.cannot_update": (
        "cannot rewrite redaksi's part of {path}: {reason_msg}; nothing was written",
        "bagian redaksi di {path} tidak bisa ditulis ulang: {reason_msg}; tidak ada yang ditulis",
    ),
    "ci.no_block": (
        "it has no block marked '# >>> redaksi' ... '# <<< redaksi', so redaksi cannot tell its "
        "lines from yours (move the file aside to have it written anew, or put the two marker "
        "lines around redaksi's job)",
        "tidak ada blok bertanda '# >>> redaksi' ... '# <<< redaksi', jadi redaksi tidak bisa "
        "membedakan barisnya dari baris Anda (pindahkan berkas itu agar ditulis ulang, atau "
        "pasang kedua baris penanda di sekeliling job redaksi)",
    ),
    "ci.broken_block": (
        "it needs one '# >>> redaksi' line and, below it at the same indentation, one "
        "'# <<< redaksi' line (found {begins} and {ends}); put the markers back as "
        "'redaksi init --ci' wrote them",
        "berkas itu perlu satu baris '# >>> redaksi' dan, di bawahnya dengan indentasi yang sama, "
        "satu baris '# <<< redaksi' (ditemukan {begins} dan {ends}); kembalikan penandanya "
        "seperti yang ditulis 'redaksi init --ci'",
    ),
    "ci.not_yaml": (
        "with redaksi's block in it, the file would not be valid YAML (line {line}: {detail}); "
        "fix the lines outside the block",
        "dengan blok redaksi di dalamnya, berkas itu bukan YAML yang sah (baris {line}: "
        "{detail}); perbaiki baris di luar blok",
    ),
    "ci.displaced": (
        "redaksi's jobs would no longer sit under {where}, or a job of yours has the same name; "
        "put the markers back where 'redaksi init --ci' wrote them, or rename your job",
        "job redaksi tidak lagi berada di bawah {where}, atau ada job Anda dengan nama yang sama; "
        "kembalikan penanda ke tempat yang ditulis 'redaksi init --ci', atau ganti nama job Anda",
    ),
    "ci.not_text": (
        "it is not UTF-8 text",
        "berkas itu bukan teks UTF-8",
    ),
    "ci.created": ("Wrote {path}", "{path} ditulis"),
    "ci.updated": (
        "Rewrote redaksi's block in {path}; your lines outside it are as they were",
        "Blok redaksi di {path} ditulis ulang; baris Anda di luar blok tetap seperti semula",
    ),
    "ci.unchanged": (
        "{path} already holds redaksi's current block; nothing to change",
        "{path} sudah berisi blok redaksi terbaru; tidak ada yang berubah",
    ),
    "ci.done": (
        "Pull requests now run redaksi validate and verify. Protect the branch and require the "
        "'redaksi' check.",
        "Setiap pull request kini menjalankan redaksi validate dan verify. Lindungi branch dan "
        "wajibkan pemeriksaan 'redaksi'.",
    ),
}
