"""The catalogue of everything redaksi says to people, in English and Indonesian.

Every user-facing sentence lives here under a key; code raises and returns keys with
parameters, and only the CLI renders them, in the newsroom's ``language`` (redaksi.yaml).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

LANGUAGES = ("id", "en")

CATALOGUE: dict[str, tuple[str, str]] = {
    # (English, Indonesian)
    # -- reading files ------------------------------------------------------------------------
    "article.empty": (
        "the file is empty: an article starts with a line '---', its front matter, and '---'",
        "berkas kosong: artikel diawali baris '---', front matter, lalu '---'",
    ),
    "article.no_front_matter": (
        "no front matter: the first line must be '---'; start with 'redaksi draft'",
        "tidak ada front matter: baris pertama harus '---'; mulailah dengan 'redaksi draft'",
    ),
    "article.unclosed": (
        "the front matter is never closed: add a line '---' between the front matter and the body",
        "front matter tidak ditutup: tambahkan baris '---' di antara front matter dan isi berita",
    ),
    "article.flow_front_matter": (
        "the front matter must be one 'key: value' per line, not a {...} block",
        "front matter harus berupa satu 'kunci: nilai' per baris, bukan blok {...}",
    ),
    "article.rewrite_unsafe": (
        "redaksi cannot change this front matter without touching other lines; "
        "put each key on its own line and try again",
        "redaksi tidak bisa mengubah front matter ini tanpa menyentuh baris lain; "
        "tulis setiap kunci di barisnya sendiri lalu coba lagi",
    ),
    "file.not_utf8": (
        "the file is not UTF-8 text (byte {byte} cannot be read); save it as UTF-8",
        "berkas bukan teks UTF-8 (bita {byte} tidak terbaca); simpan ulang sebagai UTF-8",
    ),
    "file.too_large": (
        "the file is {size} bytes, above the limit of {limit}; an article this large is not text",
        "ukuran berkas {size} bita, melebihi batas {limit}; artikel sebesar ini bukan teks biasa",
    ),
    "file.unreadable": (
        "cannot read the file ({detail})",
        "berkas tidak bisa dibaca ({detail})",
    ),
    "file.outside": (
        "'{path}' is outside this newsroom's articles/ folder; redaksi does not follow it",
        "'{path}' berada di luar folder articles/ redaksi ini; redaksi tidak mengikutinya",
    ),
    "file.missing": (
        "'{path}' does not exist",
        "'{path}' tidak ada",
    ),
    "file.write_failed": (
        "could not write {path} ({detail}); nothing was changed",
        "gagal menulis {path} ({detail}); tidak ada yang berubah",
    ),
    # -- YAML ----------------------------------------------------------------------------------
    "yaml.syntax": (
        "YAML syntax error: {detail}; a value containing ': ' or ' #' needs quotes",
        "kesalahan sintaks YAML: {detail}; nilai yang memuat ': ' atau ' #' "
        "perlu diberi tanda kutip",
    ),
    "yaml.duplicate": (
        "a key appears twice ({detail}); keep one",
        "ada kunci yang muncul dua kali ({detail}); sisakan satu",
    ),
    "yaml.alias": (
        "YAML anchors and aliases (& and *) are not allowed in redaksi files; write the value out",
        "anchor dan alias YAML (& dan *) tidak diizinkan di berkas redaksi; "
        "tulis nilainya langsung",
    ),
    "yaml.tag": (
        "the YAML tag {tag} is not allowed; remove it",
        "tag YAML {tag} tidak diizinkan; hapus tag itu",
    ),
    "yaml.depth": (
        "the YAML is nested deeper than {limit} levels; flatten it",
        "YAML bersarang lebih dari {limit} tingkat; sederhanakan",
    ),
    "yaml.not_mapping": (
        "the front matter must be a list of 'key: value' lines",
        "front matter harus berupa baris-baris 'kunci: nilai'",
    ),
    # -- schema rules --------------------------------------------------------------------------
    "rule.required": (
        "'{missing}' is missing; add it",
        "'{missing}' belum ada; tambahkan",
    ),
    "rule.status_requires": (
        "'{missing}' is required when status is '{status}'",
        "'{missing}' wajib ada bila status '{status}'",
    ),
    "rule.unknown_key": (
        "'{unknown}' is not a known key (known: {allowed})",
        "'{unknown}' bukan kunci yang dikenal (yang dikenal: {allowed})",
    ),
    "rule.unknown_key_hint": (
        "'{unknown}' is not a known key; did you mean '{hint}'?",
        "'{unknown}' bukan kunci yang dikenal; maksudnya '{hint}'?",
    ),
    "rule.enum": (
        "{field}: '{value}' is not allowed; use one of: {choices}",
        "{field}: '{value}' tidak diizinkan; gunakan salah satu: {choices}",
    ),
    "rule.type": (
        "{field} should be {expected_msg}, not '{value}'",
        "{field} seharusnya {expected_msg}, bukan '{value}'",
    ),
    "type.string": ("text", "teks"),
    "type.array": ("a list, like [a, b]", "daftar, seperti [a, b]"),
    "type.object": ("a group of 'key: value' entries", "kelompok 'kunci: nilai'"),
    "type.boolean": ("true or false", "true atau false"),
    "type.integer": ("a whole number", "bilangan bulat"),
    "type.number": ("a number", "angka"),
    "type.null": ("empty", "kosong"),
    "rule.format.date-time": (
        "{field}: '{value}' is not a date and time with a zone, like 2025-03-04T09:12:00+07:00",
        "{field}: '{value}' bukan tanggal dan jam dengan zona waktu, "
        "seperti 2025-03-04T09:12:00+07:00",
    ),
    "rule.format.email": (
        "{field}: '{value}' is not an email address",
        "{field}: '{value}' bukan alamat email",
    ),
    "rule.pattern": (
        "{field}: '{value}' does not have the expected form ({pattern})",
        "{field}: '{value}' tidak sesuai bentuk yang diharapkan ({pattern})",
    ),
    "rule.pattern.slug": (
        "{field}: '{value}' is not a valid slug; use lowercase letters, digits and single hyphens, "
        "like banjir-lumajang",
        "{field}: '{value}' bukan slug yang sah; gunakan huruf kecil, angka dan satu tanda hubung, "
        "seperti banjir-lumajang",
    ),
    "rule.pattern.id": (
        "{field}: '{value}' is not an article id (a lowercase UUID set by redaksi draft)",
        "{field}: '{value}' bukan id artikel (UUID huruf kecil dari redaksi draft)",
    ),
    "rule.pattern.action": (
        "{field}: '{value}' is not an action name",
        "{field}: '{value}' bukan nama aksi",
    ),
    "rule.min_length": ("{field} must not be empty", "{field} tidak boleh kosong"),
    "rule.max_length": (
        "{field} is too long (at most {limit} characters)",
        "{field} terlalu panjang (paling banyak {limit} karakter)",
    ),
    "rule.min_items": (
        "{field} needs at least {limit} item(s)",
        "{field} perlu paling sedikit {limit} butir",
    ),
    "rule.unique_items": ("{field} lists an item twice", "{field} memuat butir yang sama dua kali"),
    "rule.other": ("{field}: {detail}", "{field}: {detail}"),
    # -- cross-file rules ----------------------------------------------------------------------
    "rule.unique_id": (
        "id {value} is also used by {others}; every article needs its own id",
        "id {value} juga dipakai oleh {others}; setiap artikel perlu id sendiri",
    ),
    "rule.unique_slug": (
        "slug '{value}' is also used by {others}; choose another slug",
        "slug '{value}' juga dipakai oleh {others}; pilih slug lain",
    ),
    "rule.path_slug": (
        "the file is named {name} but its slug is '{slug}'; rename it to {slug}.md",
        "nama berkas {name} tetapi slug-nya '{slug}'; ganti namanya menjadi {slug}.md",
    ),
    "rule.path_layout": (
        "articles belong at articles/<YYYY>/<MM>/<slug>.md; move this file there",
        "artikel disimpan di articles/<TTTT>/<BB>/<slug>.md; pindahkan berkas ini ke sana",
    ),
    "rule.category": (
        "category '{value}' is not in redaksi.yaml; use one of: {choices}",
        "kategori '{value}' tidak ada di redaksi.yaml; gunakan salah satu: {choices}",
    ),
    "rule.timezone": (
        "timezone '{value}' is not an IANA time zone name, like Asia/Jakarta",
        "zona waktu '{value}' bukan nama zona IANA, seperti Asia/Jakarta",
    ),
    "rule.schema_invalid": (
        "the schema is not valid JSON Schema: {detail}",
        "skema bukan JSON Schema yang sah: {detail}",
    ),
    "rule.schema_unreadable": (
        "the schema cannot be read as JSON: {detail}",
        "skema tidak bisa dibaca sebagai JSON: {detail}",
    ),
    # -- the newsroom --------------------------------------------------------------------------
    "repo.not_git": (
        "not inside a git repository; run 'git init' first (or cd into your newsroom)",
        "tidak berada di dalam repositori git; jalankan 'git init' dulu (atau cd ke redaksi Anda)",
    ),
    "repo.not_newsroom": (
        "{root} is not a newsroom yet (no redaksi.yaml); run 'redaksi init'",
        "{root} belum menjadi redaksi (tidak ada redaksi.yaml); jalankan 'redaksi init'",
    ),
    "repo.newsroom_exists": (
        "this repository is already a newsroom ({path} exists); nothing was changed",
        "repositori ini sudah menjadi redaksi ({path} sudah ada); tidak ada yang berubah",
    ),
    "repo.config_invalid": (
        "{detail_msg}; fix redaksi.yaml, then run 'redaksi validate'",
        "{detail_msg}; perbaiki redaksi.yaml, lalu jalankan 'redaksi validate'",
    ),
    "repo.no_identity": (
        'git does not know who you are; run: git config user.name "Your Name" && '
        "git config user.email you@example.com",
        'git belum tahu siapa Anda; jalankan: git config user.name "Nama Anda" && '
        "git config user.email anda@contoh.id",
    ),
    "repo.git_failed": (
        "git {command} failed: {detail}; nothing was changed",
        "git {command} gagal: {detail}; tidak ada yang berubah",
    ),
    "repo.unknown_ref": (
        "'{ref}' is not a commit in this repository; {shallow_msg}",
        "'{ref}' bukan commit di repositori ini; {shallow_msg}",
    ),
    "repo.shallow_hint": (
        "this is a shallow clone: verify needs the whole history (git fetch --unshallow, "
        "or fetch-depth: 0 in actions/checkout)",
        "ini clone dangkal: verify memerlukan seluruh riwayat (git fetch --unshallow, "
        "atau fetch-depth: 0 di actions/checkout)",
    ),
    "repo.fetch_hint": (
        "fetch it first (for example: git fetch origin main)",
        "ambil dulu (misalnya: git fetch origin main)",
    ),
    "repo.lock_held": (
        "another git process holds the repository lock ({detail}); wait for it, or remove the "
        "stale .git/index.lock if none is running; nothing was changed",
        "proses git lain sedang mengunci repositori ({detail}); tunggu, atau hapus "
        ".git/index.lock yang tertinggal bila tidak ada; tidak ada yang berubah",
    ),
    "repo.hook_failed": (
        "a git hook refused the commit: {detail}; nothing was changed",
        "hook git menolak commit: {detail}; tidak ada yang berubah",
    ),
    # -- people --------------------------------------------------------------------------------
    "staff.unknown": (
        "{email} is not on staff in redaksi.yaml; ask your editor-in-chief to add you",
        "{email} tidak terdaftar di staff redaksi.yaml; minta pemimpin redaksi menambahkan Anda",
    ),
    "staff.lacks_role": (
        "{name} <{email}> is not {role_msg}; only {role_msg} may {action}",
        "{name} <{email}> bukan {role_msg}; hanya {role_msg} yang boleh {action}",
    ),
    "role.reporter": ("a reporter", "wartawan"),
    "role.editor": ("an editor", "redaktur"),
    "role.publisher": ("a publisher", "publisher"),
    # -- draft ---------------------------------------------------------------------------------
    "draft.missing_option": (
        "missing {option}; pass it, or run on a terminal to be asked",
        "{option} belum diisi; berikan opsi itu, atau jalankan di terminal untuk ditanya",
    ),
    "draft.bad_slug": (
        "'{slug}' is not a valid slug; use lowercase letters, digits and single hyphens, "
        "like banjir-lumajang",
        "'{slug}' bukan slug yang sah; gunakan huruf kecil, angka dan satu tanda hubung, "
        "seperti banjir-lumajang",
    ),
    "draft.slug_taken": (
        "slug '{slug}' is already used by {path}; choose another with --slug",
        "slug '{slug}' sudah dipakai oleh {path}; pilih yang lain dengan --slug",
    ),
    "draft.bad_category": (
        "category '{category}' is not in redaksi.yaml; use one of: {choices}",
        "kategori '{category}' tidak ada di redaksi.yaml; gunakan salah satu: {choices}",
    ),
    "draft.empty_title": ("the title must not be empty", "judul tidak boleh kosong"),
    "draft.would_not_validate": (
        "the new article would not validate: {detail}",
        "artikel baru tidak akan lolos validasi: {detail}",
    ),
    "draft.created": (
        "Drafted {path}. Write the story, then run: redaksi submit {slug}",
        "Draf dibuat: {path}. Tulis beritanya, lalu jalankan: redaksi submit {slug}",
    ),
    "draft.body_placeholder": ("Write the story here.", "Tulis berita di sini."),
    "prompt.title": ("Title", "Judul"),
    "prompt.category": ("Category", "Kategori"),
    "prompt.tags": ("Tags (comma separated)", "Tag (pisahkan dengan koma)"),
    "prompt.dateline": ("Dateline (place)", "Dateline (tempat)"),
    "prompt.slug": ("Slug (file name)", "Slug (nama berkas)"),
    "prompt.newsroom": ("Newsroom name", "Nama redaksi"),
    "prompt.timezone": ("Time zone", "Zona waktu"),
    "prompt.language": ("Language of messages", "Bahasa pesan"),
    "prompt.cancelled": ("cancelled; nothing was written", "dibatalkan; tidak ada yang ditulis"),
    # -- init ----------------------------------------------------------------------------------
    "init.done": (
        "Newsroom '{name}' is ready: {config}, schemas/ and articles/ committed. "
        "You are on staff as reporter, editor and publisher. Next: redaksi draft",
        "Redaksi '{name}' siap: {config}, schemas/ dan articles/ sudah di-commit. "
        "Anda terdaftar sebagai wartawan, redaktur dan publisher. Selanjutnya: redaksi draft",
    ),
    "init.bad_timezone": (
        "'{timezone}' is not an IANA time zone; try Asia/Jakarta, Asia/Makassar or Asia/Jayapura",
        "'{timezone}' bukan zona waktu IANA; coba Asia/Jakarta, Asia/Makassar atau Asia/Jayapura",
    ),
    "init.bad_language": (
        "language must be 'id' or 'en', not '{language}'",
        "bahasa harus 'id' atau 'en', bukan '{language}'",
    ),
    "ci.unknown": (
        "--ci must be one of: {choices}, not '{kind}'",
        "--ci harus salah satu dari: {choices}, bukan '{kind}'",
    ),
    "ci.exists": (
        "{path} exists already; nothing was changed (remove it to have redaksi write its own)",
        "{path} sudah ada; tidak ada yang berubah (hapus dulu agar redaksi menulis miliknya)",
    ),
    "ci.done": (
        "Wrote {path}: pull requests now run redaksi validate and verify. Protect the branch and "
        "require this check.",
        "{path} ditulis: setiap pull request kini menjalankan redaksi validate dan verify. "
        "Lindungi branch dan wajibkan pemeriksaan ini.",
    ),
    # -- validate ------------------------------------------------------------------------------
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
    # -- the workflow --------------------------------------------------------------------------
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
    # -- verify --------------------------------------------------------------------------------
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
    # -- many desks ----------------------------------------------------------------------------
    "remote.detached": (
        "HEAD is detached: check out your newsroom branch (git switch main) to push",
        "HEAD terlepas: pindah ke branch redaksi (git switch main) untuk push",
    ),
    "remote.no_upstream": (
        "branch '{branch}' has no upstream to push to; run: git push -u origin {branch}",
        "branch '{branch}' belum punya upstream; jalankan: git push -u origin {branch}",
    ),
    "remote.busy": (
        "a git operation is half done in this clone ({state}); finish or abort it first",
        "ada operasi git yang belum selesai di clone ini ({state}); selesaikan atau batalkan dulu",
    ),
    "remote.article_conflict": (
        "the article changed upstream (last by {who}) while you edited it here; your edits are "
        "kept: commit them, then git pull --rebase",
        "artikel berubah di upstream (terakhir oleh {who}) saat Anda menyuntingnya di sini; "
        "suntingan Anda aman: commit, lalu git pull --rebase",
    ),
    "remote.moved": (
        "{who} already moved this article to '{status}' upstream; your step no longer applies "
        "and nothing was pushed; your clone is now up to date",
        "{who} sudah memindahkan artikel ini ke '{status}' di upstream; langkah Anda tidak "
        "berlaku lagi dan tidak ada yang di-push; clone Anda kini mutakhir",
    ),
    "remote.rejected": (
        "the remote refused the push: {reason}; the step is committed here and waits for "
        "'redaksi sync'",
        "remote menolak push: {reason}; langkah ini sudah di-commit di sini dan menunggu "
        "'redaksi sync'",
    ),
    "remote.rejected_sync": (
        "the remote refused the push: {reason}; your local commits are unchanged",
        "remote menolak push: {reason}; commit lokal Anda tidak berubah",
    ),
    "remote.race_lost": (
        "other desks kept pushing first for {seconds} seconds; nothing was lost: run the "
        "command again",
        "desk lain terus push lebih dulu selama {seconds} detik; tidak ada yang hilang: "
        "jalankan perintahnya lagi",
    ),
    "remote.unreachable": (
        "cannot reach the remote: {reason}; nothing was changed",
        "remote tidak bisa dihubungi: {reason}; tidak ada yang berubah",
    ),
    "remote.kept": (
        "cannot reach the remote ({reason}); the step is committed here ({commit}): run "
        "'redaksi sync' when you are online",
        "remote tidak bisa dihubungi ({reason}); langkah ini sudah di-commit di sini "
        "({commit}): jalankan 'redaksi sync' saat online",
    ),
    "remote.replay_merge": (
        "local commit {commit} is a merge; redaksi sync replays only plain commits: use "
        "git pull --rebase",
        "commit lokal {commit} adalah merge; redaksi sync hanya mengulang commit biasa: "
        "gunakan git pull --rebase",
    ),
    "remote.replay_conflict": (
        "local commit {commit} changes {file}, which also changed upstream; nothing was changed: "
        "resolve it with git pull --rebase",
        "commit lokal {commit} mengubah {file}, yang juga berubah di upstream; tidak ada yang "
        "berubah: selesaikan dengan git pull --rebase",
    ),
    "remote.behind": (
        "pushed; this clone did not move because of your uncommitted changes: commit or stash "
        "them, then git pull",
        "sudah di-push; clone ini tidak bergerak karena ada perubahan yang belum di-commit: "
        "commit atau stash, lalu git pull",
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
    # -- interrupted commands ------------------------------------------------------------------
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
    # -- demo ----------------------------------------------------------------------------------
    "demo.not_empty": (
        "{path} is not empty; give a new folder, or none for a temporary one",
        "{path} tidak kosong; berikan folder baru, atau kosongkan untuk folder sementara",
    ),
    "demo.intro": (
        "A throwaway newsroom in {path}: Ali reports, Mohammad edits, Keyra publishes.",
        "Redaksi percobaan di {path}: Ali meliput, Mohammad menyunting, Keyra menerbitkan.",
    ),
    "demo.step": ("  {name}: redaksi {action}", "  {name}: redaksi {action}"),
    "demo.outro": (
        "Every step above is one git commit by the person who took it. Look around:\n"
        "  cd {path} && git log --stat && redaksi show {slug}",
        "Setiap langkah di atas adalah satu commit git oleh orang yang melakukannya. "
        "Silakan lihat:\n"
        "  cd {path} && git log --stat && redaksi show {slug}",
    ),
    # -- the CLI -------------------------------------------------------------------------------
    "cli.unexpected": (
        "unexpected error ({detail}); nothing was changed. Please report it, with the output of "
        "REDAKSI_DEBUG=1 and the same command",
        "kesalahan tak terduga ({detail}); tidak ada yang berubah. Mohon laporkan, beserta "
        "keluaran REDAKSI_DEBUG=1 dan perintah yang sama",
    ),
    "cli.interrupted": ("interrupted; nothing was changed", "dihentikan; tidak ada yang berubah"),
}


def detect_language(configured: str | None = None) -> str:
    """The language to speak: redaksi.yaml's, else REDAKSI_LANGUAGE, else the locale's."""
    for candidate in (configured, os.environ.get("REDAKSI_LANGUAGE")):
        if candidate in LANGUAGES:
            return candidate
    locale = (
        os.environ.get("LC_ALL") or os.environ.get("LC_MESSAGES") or os.environ.get("LANG") or ""
    )
    return "id" if locale.lower().startswith("id") else "en"


def render(key: str, language: str, params: Mapping[str, Any] | None = None) -> str:
    """The catalogue text for ``key`` in ``language`` with ``params`` filled in.

    A parameter whose name ends in ``_msg`` is itself a catalogue key and is translated.
    """
    pair = CATALOGUE.get(key)
    if pair is None:
        return key if not params else f"{key} {dict(params)}"
    template = pair[1] if language == "id" else pair[0]
    plain = {name: value for name, value in (params or {}).items() if not name.endswith("_msg")}
    values = dict(plain)
    for name, value in (params or {}).items():
        if name.endswith("_msg") and isinstance(value, str):
            values[name] = render(value, language, plain)
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError):
        return template
