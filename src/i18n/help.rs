//! Help texts of the command line (`--help`). Clap reads them while it parses
//! the arguments, before the configuration (and so the language) is known,
//! so they are in Bahasa Indonesia only.

pub const ABOUT: &str = "aduan: loket pengaduan DPMPTSP — penerimaan pengaduan, disposisi, SOP, batas waktu 14 hari kerja, rekap.\nTanpa perintah: ringkasan loket ini.";
pub const CONFIG: &str =
    "Berkas konfigurasi (bawaan: $ADUAN_CONFIG, lalu folder konfigurasi pengguna)";
pub const DB: &str =
    "Berkas basis data loket (bawaan: $ADUAN_DB, lalu paths.database di konfigurasi)";
pub const BY: &str = "Nama petugas yang mengetik (bawaan: petugas pertama di konfigurasi)";
pub const JSON: &str = "Keluaran JSON";

pub const INIT: &str = "Siapkan konfigurasi, basis data dan salinan SOP untuk disunting";
pub const CHECK: &str = "Periksa basis data: integrity check SQLite dan rantai hash setiap loket";
pub const CHECK_REBUILD: &str = "Bangun ulang tabel proyeksi dari log peristiwa dan bandingkan";
pub const CHECK_FIX_PERMISSIONS: &str = "Jadikan berkas loket hanya untuk pemiliknya (berkas 0600, folder 0700) dan sebutkan yang diubah";
pub const CASE: &str = "Kasus: catat, daftar, lihat, tindak";
pub const SOP: &str = "SOP yang berlaku";
pub const DEMO: &str =
    "Isi basis data kosong dengan kasus contoh yang realistis (untuk latihan dan uji kinerja)";

pub const CASE_ADD: &str = "Catat kasus baru dari JSON (--json BERKAS, atau stdin) atau dari opsi; mencetak kasus baru sebagai JSON";
pub const CASE_ADD_JSON: &str = "Berkas JSON kasus ('-' untuk stdin); kunci: kind, channel, name, nik, address, phone, email, confidential, anonymous, identity_attached, business, nib, licence_no, licence_type, subject, description, received_at, complete_on, attachments, linked_to";
pub const CASE_LIST: &str = "Daftar kasus, batas waktu terdekat lebih dulu";
pub const CASE_LIST_STATUS: &str = "Saring status: open, paused, forwarded, closed";
pub const CASE_LIST_OVERDUE: &str = "Hanya kasus yang melewati batas waktu";
pub const CASE_LIST_LIMIT: &str = "Paling banyak sekian baris (0: semua)";
pub const CASE_SHOW: &str = "Tampilkan satu kasus: isian, langkah SOP, riwayat peristiwa";
pub const CASE_KEY: &str = "Nomor agenda atau id kasus";
pub const CASE_ACT: &str = "Lakukan satu tindakan SOP pada kasus";
pub const ACT_ACTION: &str =
    "Tindakan: disposisi, putuskan, selesai, tunda, lanjutkan, tutup, catat";
pub const ACT_NOTE: &str =
    "Keterangan: catatan disposisi, output langkah, alasan jeda/tutup, isi catatan";
pub const ACT_TO: &str =
    "Tujuan: peran penerima disposisi, pilihan keputusan, atau nama OPD untuk diteruskan";
pub const ACT_AS: &str =
    "Peran yang bertindak (mis. kadis saat mencatat disposisi kertas atas namanya)";
pub const ACT_AT: &str = "Waktu tindakan (bawaan: sekarang), mis. \"2026-03-16 09:15\"";
pub const ACT_INSTRUCTION: &str = "Instruksi disposisi: pelajari, tindak-lanjuti, koordinasikan, siapkan-jawaban, untuk-diketahui, arsip";
pub const ACT_PRIORITY: &str = "Sifat disposisi: biasa, segera, sangat-segera";
pub const ACT_WRITTEN_ON: &str = "Tanggal yang tertulis di lembar disposisi";
pub const ACT_NOTE_KIND: &str =
    "Jenis catatan: catatan, cek-perizinan, bap, koordinasi, fasilitasi";
pub const CASE_CORRECT: &str = "Koreksi satu isian kasus (koreksi dicatat sebagai peristiwa baru)";
pub const CORRECT_FIELD: &str = "Isian: name, nik, address, phone, email, business, nib, licence-no, licence-type, subject, description, complete-on, channel";
pub const CORRECT_VALUE: &str = "Nilai baru";
pub const SOP_SHOW: &str = "Tampilkan SOP yang berlaku sebagai tabel";
pub const SOP_SHOW_KIND: &str = "SOP untuk jenis: pengaduan, konsultasi, aspirasi (bawaan: semua)";
pub const SOP_CHECK: &str = "Periksa berkas SOP hasil suntingan";
pub const SOP_FILE: &str = "Berkas SOP (.toml)";
pub const DEMO_CASES: &str = "Jumlah kasus";
pub const DEMO_SEED: &str = "Benih acak (hasil sama untuk benih yang sama)";
pub const DEMO_FROM: &str = "Bulan pertama, YYYY-MM (bawaan: 24 bulan sebelum --to)";
pub const DEMO_TO: &str = "Bulan terakhir, YYYY-MM (bawaan: bulan ini)";

pub const ADD_KIND: &str = "Jenis: pengaduan, konsultasi, aspirasi";
pub const ADD_CHANNEL: &str = "Saluran: loket, surat, telepon, formulir, kotak-saran, sms, whatsapp, email, instagram, website, quick-response, sp4n-lapor";
pub const ADD_NAME: &str = "Nama pelapor";
pub const ADD_NIK: &str = "NIK (16 angka)";
pub const ADD_ADDRESS: &str = "Alamat";
pub const ADD_PHONE: &str = "Telepon/WhatsApp";
pub const ADD_EMAIL: &str = "Email";
pub const ADD_CONFIDENTIAL: &str = "Rahasiakan identitas pelapor";
pub const ADD_ANONYMOUS: &str = "Pelapor anonim";
pub const ADD_IDENTITY: &str = "Fotokopi identitas (KTP) dilampirkan";
pub const ADD_BUSINESS: &str = "Nama usaha yang diadukan";
pub const ADD_NIB: &str = "NIB usaha (13 angka)";
pub const ADD_LICENCE_NO: &str = "Nomor izin";
pub const ADD_LICENCE_TYPE: &str = "Jenis izin";
pub const ADD_SUBJECT: &str = "Perihal";
pub const ADD_DESCRIPTION: &str = "Uraian pengaduan";
pub const ADD_RECEIVED_AT: &str = "Waktu diterima (bawaan: sekarang)";
pub const ADD_COMPLETE_ON: &str = "Tanggal berkas lengkap (bawaan: tanggal diterima)";
pub const ADD_ATTACH: &str = "Berkas lampiran (boleh berulang)";
pub const ADD_LINKED: &str = "Kasus terkait (nomor agenda atau id)";

pub const RECAP: &str = "Rekapitulasi penanganan pengaduan sebulan atau setahun";
pub const RECAP_MONTH: &str = "Bulan, YYYY-MM";
pub const RECAP_YEAR: &str = "Tahun, bulan demi bulan (bawaan: tahun ini)";
pub const RECAP_YEARS: &str = "Beberapa tahun berdampingan, mis. 2021..2023";
pub const RECAP_FORMAT: &str =
    "Bentuk: table, json, csv, xlsx, md, pdf (A4 mendatar), layout (tata letak cetak sebagai JSON)";
pub const RECAP_OUTPUT: &str =
    "Berkas keluaran ('-' untuk layar); csv, xlsx, md dan pdf bawaan ke folder ekspor";
pub const RECAP_FORCE: &str = "Timpa berkas yang sudah ada";
pub const RECAP_DELIMITER: &str = "Pemisah kolom CSV (';' untuk pengaturan bahasa Indonesia)";

pub const CASE_NOTE: &str =
    "Tambah catatan investigasi, koreksi catatan (--replaces) atau tarik catatan (--withdraw)";
pub const CASE_NOTES: &str = "Tampilkan semua catatan kasus beserta riwayat koreksi dan penarikan";
pub const CASE_ATTACH: &str =
    "Lampirkan berkas (scan KTP, foto lapangan, PDF) ke kasus; isinya disimpan di basis data";
pub const CASE_ATTACHMENTS: &str =
    "Daftar lampiran kasus dan periksa keutuhannya, atau tulis satu ke folder ekspor (--save)";
pub const CASE_REPORT: &str =
    "Tulis Berita Acara Pemeriksaan (BAP) dari catatan BAP kasus ke folder ekspor (.md dan .txt)";
pub const NOTE_KIND: &str =
    "Jenis catatan: catatan, cek-perizinan, bap, koordinasi, fasilitasi (bawaan: catatan)";
pub const NOTE_FIELD: &str = "Isian catatan, boleh berulang: catatan: teks; cek-perizinan: nomor-izin, nib, jenis-izin, status (sah, kedaluwarsa, tidak-terdaftar, tidak-sesuai), dibandingkan, hasil; bap: waktu, tempat, petugas, pihak-lain, temuan, kesimpulan, rekomendasi; koordinasi: dengan, tanggal, hasil; fasilitasi: tanggal, pihak, sepakat (ya/tidak), tindak-lanjut. \\n dalam nilai menjadi baris baru";
pub const NOTE_REPLACES: &str = "Kode catatan yang dikoreksi (awal kodenya, mis. 1a2b3c4d)";
pub const NOTE_WITHDRAW: &str = "Tarik catatan dengan kode ini (tetap tampak di riwayat)";
pub const NOTE_REASON: &str = "Alasan penarikan";
pub const ATTACH_FILE: &str = "Berkas yang dilampirkan";
pub const ATTACH_NOTE: &str = "Lampirkan ke catatan dengan kode ini (bawaan: ke kasus)";
pub const ATTACHMENTS_SAVE: &str =
    "Tulis lampiran ini (awal SHA-256 atau nama berkas) ke folder ekspor";

pub const SYNC: &str = "Sinkronisasi antar loket dengan menyalin berkas: --folder FOLDER (USB/folder bersama), export, merge";
pub const SYNC_FOLDER: &str = "Folder bersama: tulis bundel loket ini ke sana dan gabungkan bundel terbaru setiap loket lain (diingat di konfigurasi)";
pub const SYNC_TRUST: &str = "Terima loket yang belum dikenal (setelah sidik kuncinya dicocokkan)";
pub const SYNC_EXPORT: &str = "Tulis bundel (semua peristiwa, bertanda tangan) untuk loket lain";
pub const SYNC_OUT: &str =
    "Berkas atau folder tujuan (bawaan: folder ekspor, aduan-<loket>-<TTTTBBHH-JJMM>.aduan)";
pub const SYNC_MERGE: &str = "Periksa dan gabungkan bundel dari loket lain";
pub const SYNC_FILES: &str = "Berkas bundel (.aduan)";
pub const BACKUP: &str = "Tulis salinan utuh basis data (cadangan)";
pub const BACKUP_OUT: &str = "Berkas atau folder tujuan (bawaan: folder ekspor)";
pub const RESTORE: &str = "Pulihkan basis data loket ini dari cadangan (setelah konfirmasi)";
pub const RESTORE_FILE: &str = "Berkas cadangan";
pub const RESTORE_YES: &str = "Jangan bertanya lagi (sudah yakin)";
pub const RESTORE_ALONE: &str = "Kantor ini hanya punya satu loket: boleh langsung mencatat lagi";
pub const INIT_JOIN: &str = "Bergabung ke kantor dari bundel yang diekspor loket lain";
pub const INIT_DESK: &str =
    "Kode loket ini, bagian setiap nomor agenda (mis. LKT2); tidak dapat diubah setelah terdaftar";
pub const INIT_DESK_NAME: &str = "Nama loket ini (bawaan: Loket KODE)";
pub const CASE_SETTLE: &str = "Putuskan langkah yang diselesaikan berbeda di dua loket: versi yang berlaku tetap, yang lain tidak dihitung lagi";
pub const SETTLE_STEP: &str = "Langkah SOP yang berbeda (id langkah, lihat case show)";
pub const SETTLE_KEEP: &str =
    "Kode peristiwa versi yang berlaku (lihat case show: perlu keputusan)";
pub const DOC: &str = "Cetak dokumen kasus sebagai PDF A4 (tanda terima, lembar disposisi, surat penerusan, tembusan, surat jawaban, BAP)";
pub const DOC_KIND: &str =
    "Jenis dokumen: tanda-terima, disposisi, penerusan, tembusan, jawaban, bap";
pub const DOC_OUT: &str = "Berkas PDF tujuan (bawaan: berkas baru di folder ekspor)";
pub const DOC_PRINT: &str = "Kirim ke pencetak bawaan lewat lp (CUPS)";
pub const DOC_PRINTER: &str = "Nama pencetak CUPS (tersirat --print)";
pub const TEMPLATE: &str = "Templat dokumen kantor (kop surat, surat, BAP, rekap)";
pub const TEMPLATE_CHECK: &str = "Periksa templat yang diubah: menyebut baris yang salah";
