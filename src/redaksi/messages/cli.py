"""Messages: the command line itself (English, Indonesian)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # -- the CLI ---------------------------------------------------------------------------------
    "cli.unexpected": (
        "unexpected error ({detail}); nothing was changed. Please report it, with the output of "
        "REDAKSI_DEBUG=1 and the same command",
        "kesalahan tak terduga ({detail}); tidak ada yang berubah. Mohon laporkan, beserta "
        "keluaran REDAKSI_DEBUG=1 dan perintah yang sama",
    ),
    "clock.bad_now": (
        "{variable}='{value}' is not an RFC 3339 time with an offset "
        "(such as 2026-12-01T06:00:00+07:00); unset it to use the real clock",
        "{variable}='{value}' bukan waktu RFC 3339 dengan zona "
        "(misalnya 2026-12-01T06:00:00+07:00); hapus agar memakai jam sebenarnya",
    ),
    "cli.not_utf8": (
        "the value '{argument}' is not UTF-8 text; check your terminal's or script's encoding",
        "nilai '{argument}' bukan teks UTF-8; periksa pengodean terminal atau skrip Anda",
    ),
    "cli.control": (
        "the value '{argument}' holds a control character (such as an escape sequence); type "
        "plain text",
        "nilai '{argument}' memuat karakter kendali (seperti urutan escape); ketik teks biasa",
    ),
    "cli.interrupted": ("interrupted; nothing was changed", "dihentikan; tidak ada yang berubah"),
}
