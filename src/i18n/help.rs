//! Help texts of the command line (`--help` and the manual pages), each in
//! Bahasa Indonesia and English as an [`H`]. Clap reads them while it builds
//! the command, so the language is settled before that from the config's
//! `language` or `$ADUAN_LANG` (see `cli::lang`).

pub use super::help_lang::H;

pub const ABOUT: H = H(
    "aduan: loket pengaduan DPMPTSP — penerimaan pengaduan, disposisi, SOP, batas waktu 14 hari kerja, rekap.\nTanpa perintah: ringkasan loket ini.",
    "aduan: the complaint desk of a DPMPTSP — intake, disposition, SOP, the 14-working-day deadline, recap.\nWithout a command: a summary of this desk.",
);
pub const CONFIG: H = H(
    "Berkas konfigurasi (bawaan: $ADUAN_CONFIG, lalu folder konfigurasi pengguna)",
    "Configuration file (default: $ADUAN_CONFIG, then the user's configuration folder)",
);
pub const DB: H = H(
    "Berkas basis data loket (bawaan: $ADUAN_DB, lalu paths.database di konfigurasi)",
    "The desk's database file (default: $ADUAN_DB, then paths.database in the configuration)",
);
pub const BY: H = H(
    "Nama petugas yang mengetik (bawaan: petugas pertama di konfigurasi)",
    "Name of the staff member typing (default: the first person in the configuration)",
);
pub const JSON: H = H("Keluaran JSON", "Output as JSON");

pub const INIT: H = H(
    "Siapkan konfigurasi, basis data dan salinan SOP untuk disunting",
    "Set up the configuration, the database and copies of the SOPs to edit",
);
pub const CHECK: H = H(
    "Periksa basis data: integrity check SQLite dan rantai hash setiap loket",
    "Check the database: SQLite's integrity check and every desk's hash chain",
);
pub const CHECK_REBUILD: H = H(
    "Bangun ulang tabel proyeksi dari log peristiwa dan bandingkan",
    "Rebuild the projection tables from the event log and compare",
);
pub const CHECK_FIX_PERMISSIONS: H = H(
    "Jadikan berkas loket hanya untuk pemiliknya (berkas 0600, folder 0700) dan sebutkan yang diubah",
    "Make the desk's files owner-only (files 0600, folders 0700) and name what was changed",
);
pub const CASE: H = H(
    "Kasus: catat, daftar, lihat, tindak",
    "Cases: record, list, show, act",
);
pub const SOP: H = H("SOP yang berlaku", "The SOPs in force");
pub const DEMO: H = H(
    "Isi basis data kosong dengan kasus contoh yang realistis (untuk latihan dan uji kinerja)",
    "Fill an empty database with realistic sample cases (for practice and performance tests)",
);

pub const CASE_ADD: H = H(
    "Catat kasus baru dari JSON (--json BERKAS, atau stdin) atau dari opsi; mencetak kasus baru sebagai JSON",
    "Record a new case from JSON (--json BERKAS, or stdin) or from options; prints the new case as JSON",
);
pub const CASE_ADD_JSON: H = H(
    "Berkas JSON kasus ('-' untuk stdin); kunci: kind, channel, name, nik, address, phone, email, confidential, anonymous, identity_attached, business, nib, licence_no, licence_type, subject, description, received_at, complete_on, attachments, linked_to",
    "Case JSON file ('-' for stdin); keys: kind, channel, name, nik, address, phone, email, confidential, anonymous, identity_attached, business, nib, licence_no, licence_type, subject, description, received_at, complete_on, attachments, linked_to",
);
pub const CASE_LIST: H = H(
    "Daftar kasus, batas waktu terdekat lebih dulu",
    "List cases, nearest deadline first",
);
pub const CASE_LIST_STATUS: H = H(
    "Saring status: open, paused, forwarded, closed",
    "Filter by status: open, paused, forwarded, closed",
);
pub const CASE_LIST_OVERDUE: H = H(
    "Hanya kasus yang melewati batas waktu",
    "Only cases past their deadline",
);
pub const CASE_LIST_LIMIT: H = H(
    "Paling banyak sekian baris (0: semua)",
    "At most this many rows (0: all)",
);
pub const CASE_SHOW: H = H(
    "Tampilkan satu kasus: isian, langkah SOP, riwayat peristiwa",
    "Show one case: its fields, SOP steps, event history",
);
pub const CASE_KEY: H = H("Nomor agenda atau id kasus", "Agenda number or case id");
pub const CASE_ACT: H = H(
    "Lakukan satu tindakan SOP pada kasus",
    "Take one SOP action on a case",
);
pub const ACT_ACTION: H = H(
    "Tindakan: disposisi, putuskan, selesai, tunda, lanjutkan, tutup, catat",
    "Action: disposisi, putuskan, selesai, tunda, lanjutkan, tutup, catat",
);
pub const ACT_NOTE: H = H(
    "Keterangan: catatan disposisi, output langkah, alasan jeda/tutup, isi catatan",
    "Remark: the disposition's note, a step's output, the reason to pause or close, a note's text",
);
pub const ACT_TO: H = H(
    "Tujuan: peran penerima disposisi, pilihan keputusan, atau nama OPD untuk diteruskan",
    "Target: the role the disposition goes to, the decision's choice, or the OPD to forward to",
);
pub const ACT_AS: H = H(
    "Peran yang bertindak (mis. kadis saat mencatat disposisi kertas atas namanya)",
    "The role acting (e.g. kadis when recording a paper disposition on the Kadis's behalf)",
);
pub const ACT_AT: H = H(
    "Waktu tindakan (bawaan: sekarang), mis. \"2026-03-16 09:15\"",
    "Time of the action (default: now), e.g. \"2026-03-16 09:15\"",
);
pub const ACT_INSTRUCTION: H = H(
    "Instruksi disposisi: pelajari, tindak-lanjuti, koordinasikan, siapkan-jawaban, untuk-diketahui, arsip",
    "Disposition instruction: pelajari, tindak-lanjuti, koordinasikan, siapkan-jawaban, untuk-diketahui, arsip",
);
pub const ACT_PRIORITY: H = H(
    "Sifat disposisi: biasa, segera, sangat-segera",
    "Disposition priority: biasa, segera, sangat-segera",
);
pub const ACT_WRITTEN_ON: H = H(
    "Tanggal yang tertulis di lembar disposisi",
    "The date written on the disposition sheet",
);
pub const ACT_NOTE_KIND: H = H(
    "Jenis catatan: catatan, cek-perizinan, bap, koordinasi, fasilitasi",
    "Note kind: catatan, cek-perizinan, bap, koordinasi, fasilitasi",
);
pub const CASE_CORRECT: H = H(
    "Koreksi satu isian kasus (koreksi dicatat sebagai peristiwa baru)",
    "Correct one field of a case (the correction is recorded as a new event)",
);
pub const CORRECT_FIELD: H = H(
    "Isian: name, nik, address, phone, email, business, nib, licence-no, licence-type, subject, description, complete-on, channel",
    "Field: name, nik, address, phone, email, business, nib, licence-no, licence-type, subject, description, complete-on, channel",
);
pub const CORRECT_VALUE: H = H("Nilai baru", "New value");
pub const SOP_SHOW: H = H(
    "Tampilkan SOP yang berlaku sebagai tabel",
    "Show the SOPs in force as a table",
);
pub const SOP_SHOW_KIND: H = H(
    "SOP untuk jenis: pengaduan, konsultasi, aspirasi (bawaan: semua)",
    "The SOP of one kind: pengaduan, konsultasi, aspirasi (default: all)",
);
pub const SOP_CHECK: H = H(
    "Periksa berkas SOP hasil suntingan",
    "Check an edited SOP file",
);
pub const SOP_FILE: H = H("Berkas SOP (.toml)", "SOP file (.toml)");
pub const DEMO_CASES: H = H("Jumlah kasus", "Number of cases");
pub const DEMO_SEED: H = H(
    "Benih acak (hasil sama untuk benih yang sama)",
    "Random seed (the same seed gives the same result)",
);
pub const DEMO_FROM: H = H(
    "Bulan pertama, YYYY-MM (bawaan: 24 bulan sebelum --to)",
    "First month, YYYY-MM (default: 24 months before --to)",
);
pub const DEMO_TO: H = H(
    "Bulan terakhir, YYYY-MM (bawaan: bulan ini)",
    "Last month, YYYY-MM (default: this month)",
);

pub const ADD_KIND: H = H(
    "Jenis: pengaduan, konsultasi, aspirasi",
    "Kind: pengaduan, konsultasi, aspirasi",
);
pub const ADD_CHANNEL: H = H(
    "Saluran: loket, surat, telepon, formulir, kotak-saran, sms, whatsapp, email, instagram, website, quick-response, sp4n-lapor",
    "Channel: loket, surat, telepon, formulir, kotak-saran, sms, whatsapp, email, instagram, website, quick-response, sp4n-lapor",
);
pub const ADD_NAME: H = H("Nama pelapor", "Complainant's name");
pub const ADD_NIK: H = H("NIK (16 angka)", "NIK (16 digits)");
pub const ADD_ADDRESS: H = H("Alamat", "Address");
pub const ADD_PHONE: H = H("Telepon/WhatsApp", "Phone/WhatsApp");
pub const ADD_EMAIL: H = H("Email", "E-mail");
pub const ADD_CONFIDENTIAL: H = H(
    "Rahasiakan identitas pelapor",
    "Keep the complainant's identity confidential",
);
pub const ADD_ANONYMOUS: H = H("Pelapor anonim", "Anonymous complainant");
pub const ADD_IDENTITY: H = H(
    "Fotokopi identitas (KTP) dilampirkan",
    "A copy of the identity card (KTP) is attached",
);
pub const ADD_BUSINESS: H = H(
    "Nama usaha yang diadukan",
    "Name of the business complained about",
);
pub const ADD_NIB: H = H("NIB usaha (13 angka)", "The business's NIB (13 digits)");
pub const ADD_LICENCE_NO: H = H("Nomor izin", "Licence number");
pub const ADD_LICENCE_TYPE: H = H("Jenis izin", "Licence type");
pub const ADD_SUBJECT: H = H("Perihal", "Subject");
pub const ADD_DESCRIPTION: H = H("Uraian pengaduan", "Description of the complaint");
pub const ADD_RECEIVED_AT: H = H(
    "Waktu diterima (bawaan: sekarang)",
    "Time received (default: now)",
);
pub const ADD_COMPLETE_ON: H = H(
    "Tanggal berkas lengkap (bawaan: tanggal diterima)",
    "Date the file was complete (default: the date received)",
);
pub const ADD_ATTACH: H = H(
    "Berkas lampiran (boleh berulang)",
    "File to attach (may be repeated)",
);
pub const ADD_LINKED: H = H(
    "Kasus terkait (nomor agenda atau id)",
    "Related case (agenda number or id)",
);

pub const RECAP: H = H(
    "Rekapitulasi penanganan pengaduan sebulan atau setahun",
    "Recap of the complaints handled in a month or a year",
);
pub const RECAP_MONTH: H = H("Bulan, YYYY-MM", "Month, YYYY-MM");
pub const RECAP_YEAR: H = H(
    "Tahun, bulan demi bulan (bawaan: tahun ini)",
    "Year, month by month (default: this year)",
);
pub const RECAP_YEARS: H = H(
    "Beberapa tahun berdampingan, mis. 2021..2023",
    "Several years side by side, e.g. 2021..2023",
);
pub const RECAP_FORMAT: H = H(
    "Bentuk: table, json, csv, xlsx, md, pdf (A4 mendatar), layout (tata letak cetak sebagai JSON)",
    "Format: table, json, csv, xlsx, md, pdf (A4 landscape), layout (the print layout as JSON)",
);
pub const RECAP_OUTPUT: H = H(
    "Berkas keluaran ('-' untuk layar); csv, xlsx, md dan pdf bawaan ke folder ekspor",
    "Output file ('-' for the screen); csv, xlsx, md and pdf go to the export folder by default",
);
pub const RECAP_FORCE: H = H("Timpa berkas yang sudah ada", "Overwrite an existing file");
pub const RECAP_DELIMITER: H = H(
    "Pemisah kolom CSV (';' untuk pengaturan bahasa Indonesia)",
    "CSV column separator (';' for Indonesian regional settings)",
);

pub const CASE_NOTE: H = H(
    "Tambah catatan investigasi, koreksi catatan (--replaces) atau tarik catatan (--withdraw)",
    "Add an investigation note, correct a note (--replaces) or withdraw one (--withdraw)",
);
pub const CASE_NOTES: H = H(
    "Tampilkan semua catatan kasus beserta riwayat koreksi dan penarikan",
    "Show all of a case's notes with their corrections and withdrawals",
);
pub const CASE_ATTACH: H = H(
    "Lampirkan berkas (scan KTP, foto lapangan, PDF) ke kasus; isinya disimpan di basis data",
    "Attach a file (KTP scan, field photo, PDF) to a case; its content is kept in the database",
);
pub const CASE_ATTACHMENTS: H = H(
    "Daftar lampiran kasus dan periksa keutuhannya, atau tulis satu ke folder ekspor (--save)",
    "List a case's attachments and check they are intact, or write one to the export folder (--save)",
);
pub const CASE_REPORT: H = H(
    "Tulis Berita Acara Pemeriksaan (BAP) dari catatan BAP kasus ke folder ekspor (.md dan .txt)",
    "Write the inspection report (BAP) from the case's BAP notes to the export folder (.md and .txt)",
);
pub const NOTE_KIND: H = H(
    "Jenis catatan: catatan, cek-perizinan, bap, koordinasi, fasilitasi (bawaan: catatan)",
    "Note kind: catatan, cek-perizinan, bap, koordinasi, fasilitasi (default: catatan)",
);
pub const NOTE_FIELD: H = H(
    "Isian catatan, boleh berulang: catatan: teks; cek-perizinan: nomor-izin, nib, jenis-izin, status (sah, kedaluwarsa, tidak-terdaftar, tidak-sesuai), dibandingkan, hasil; bap: waktu, tempat, petugas, pihak-lain, temuan, kesimpulan, rekomendasi; koordinasi: dengan, tanggal, hasil; fasilitasi: tanggal, pihak, sepakat (ya/tidak), tindak-lanjut. \\n dalam nilai menjadi baris baru",
    "A field of the note, may be repeated: catatan: teks; cek-perizinan: nomor-izin, nib, jenis-izin, status (sah, kedaluwarsa, tidak-terdaftar, tidak-sesuai), dibandingkan, hasil; bap: waktu, tempat, petugas, pihak-lain, temuan, kesimpulan, rekomendasi; koordinasi: dengan, tanggal, hasil; fasilitasi: tanggal, pihak, sepakat (ya/tidak), tindak-lanjut. \\n in a value becomes a new line",
);
pub const NOTE_REPLACES: H = H(
    "Kode catatan yang dikoreksi (awal kodenya, mis. 1a2b3c4d)",
    "Code of the note corrected (the start of its code, e.g. 1a2b3c4d)",
);
pub const NOTE_WITHDRAW: H = H(
    "Tarik catatan dengan kode ini (tetap tampak di riwayat)",
    "Withdraw the note with this code (it stays visible in the history)",
);
pub const NOTE_REASON: H = H("Alasan penarikan", "Reason for the withdrawal");
pub const ATTACH_FILE: H = H("Berkas yang dilampirkan", "The file to attach");
pub const ATTACH_NOTE: H = H(
    "Lampirkan ke catatan dengan kode ini (bawaan: ke kasus)",
    "Attach to the note with this code (default: to the case)",
);
pub const ATTACHMENTS_SAVE: H = H(
    "Tulis lampiran ini (awal SHA-256 atau nama berkas) ke folder ekspor",
    "Write this attachment (start of its SHA-256 or its file name) to the export folder",
);

pub const SYNC: H = H(
    "Sinkronisasi antar loket dengan menyalin berkas: --folder FOLDER (USB/folder bersama), export, merge",
    "Synchronise desks by copying files: --folder FOLDER (USB stick/shared folder), export, merge",
);
pub const SYNC_FOLDER: H = H(
    "Folder bersama: tulis bundel loket ini ke sana dan gabungkan bundel terbaru setiap loket lain (diingat di konfigurasi)",
    "Shared folder: write this desk's bundle there and merge every other desk's latest bundle (remembered in the configuration)",
);
pub const SYNC_TRUST: H = H(
    "Terima loket yang belum dikenal (setelah sidik kuncinya dicocokkan)",
    "Accept desks not known yet (after their key fingerprints were compared)",
);
pub const SYNC_EXPORT: H = H(
    "Tulis bundel (semua peristiwa, bertanda tangan) untuk loket lain",
    "Write a bundle (every event, signed) for other desks",
);
pub const SYNC_OUT: H = H(
    "Berkas atau folder tujuan (bawaan: folder ekspor, aduan-<loket>-<TTTTBBHH-JJMM>.aduan)",
    "Target file or folder (default: the export folder, aduan-<desk>-<YYYYMMDD-HHMM>.aduan)",
);
pub const SYNC_MERGE: H = H(
    "Periksa dan gabungkan bundel dari loket lain",
    "Check and merge bundles from other desks",
);
pub const SYNC_FILES: H = H("Berkas bundel (.aduan)", "Bundle files (.aduan)");
pub const BACKUP: H = H(
    "Tulis salinan utuh basis data (cadangan)",
    "Write a whole copy of the database (a backup)",
);
pub const BACKUP_OUT: H = H(
    "Berkas atau folder tujuan (bawaan: folder ekspor)",
    "Target file or folder (default: the export folder)",
);
pub const RESTORE: H = H(
    "Pulihkan basis data loket ini dari cadangan (setelah konfirmasi)",
    "Restore this desk's database from a backup (after confirmation)",
);
pub const RESTORE_FILE: H = H("Berkas cadangan", "Backup file");
pub const RESTORE_YES: H = H(
    "Jangan bertanya lagi (sudah yakin)",
    "Do not ask again (already sure)",
);
pub const RESTORE_ALONE: H = H(
    "Kantor ini hanya punya satu loket: boleh langsung mencatat lagi",
    "This office has only one desk: it may record again at once",
);
pub const INIT_JOIN: H = H(
    "Bergabung ke kantor dari bundel yang diekspor loket lain",
    "Join the office from a bundle another desk exported",
);
pub const INIT_DESK: H = H(
    "Kode loket ini, bagian setiap nomor agenda (mis. LKT2); tidak dapat diubah setelah terdaftar",
    "This desk's code, part of every agenda number (e.g. LKT2); it cannot change once registered",
);
pub const INIT_DESK_NAME: H = H(
    "Nama loket ini (bawaan: Loket KODE)",
    "This desk's name (default: Loket KODE)",
);
pub const CASE_SETTLE: H = H(
    "Putuskan langkah yang diselesaikan berbeda di dua loket: versi yang berlaku tetap, yang lain tidak dihitung lagi",
    "Settle a step two desks completed differently: the version kept stands, the other no longer counts",
);
pub const SETTLE_STEP: H = H(
    "Langkah SOP yang berbeda (id langkah, lihat case show)",
    "The SOP step that differs (its step id, see case show)",
);
pub const SETTLE_KEEP: H = H(
    "Kode peristiwa versi yang berlaku (lihat case show: perlu keputusan)",
    "Event code of the version that stands (see case show: needs a decision)",
);
pub const DOC: H = H(
    "Cetak dokumen kasus sebagai PDF A4 (tanda terima, lembar disposisi, surat penerusan, tembusan, surat jawaban, BAP)",
    "Print a case's documents as A4 PDF (receipt, disposition sheet, forwarding letter, copy, reply letter, BAP)",
);
pub const DOC_KIND: H = H(
    "Jenis dokumen: tanda-terima, disposisi, penerusan, tembusan, jawaban, bap",
    "Document kind: tanda-terima, disposisi, penerusan, tembusan, jawaban, bap",
);
pub const DOC_OUT: H = H(
    "Berkas PDF tujuan (bawaan: berkas baru di folder ekspor)",
    "Target PDF file (default: a new file in the export folder)",
);
pub const DOC_PRINT: H = H(
    "Kirim ke pencetak bawaan lewat lp (CUPS)",
    "Send to the default printer through lp (CUPS)",
);
pub const DOC_PRINTER: H = H(
    "Nama pencetak CUPS (tersirat --print)",
    "CUPS printer name (implies --print)",
);
pub const TEMPLATE: H = H(
    "Templat dokumen kantor (kop surat, surat, BAP, rekap)",
    "The office's document templates (letterhead, letters, BAP, recap)",
);
pub const TEMPLATE_CHECK: H = H(
    "Periksa templat yang diubah: menyebut baris yang salah",
    "Check a changed template: names the lines that are wrong",
);
pub const MANUAL: H = H(
    "Tulis halaman manual (Bahasa Indonesia dan English) dan pelengkapan shell untuk paket",
    "Write the manual pages (Bahasa Indonesia and English) and the shell completions for the package",
);
pub const MANUAL_OUT: H = H(
    "Folder tujuan (dibuat bila belum ada)",
    "Target folder (made if missing)",
);
