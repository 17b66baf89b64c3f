// Seats (ibu kota) of kabupaten whose name differs from the kabupaten's own name, for Sumatera,
// Jawa, Kalimantan and Sulawesi: "KAYUAGUNG, Sumeks.co –" → Kabupaten Ogan Komering Ilir.
// Used by the region resolver only when the seat is the dateline or follows "di" (a place
// name in running text); everywhere else a seat name is ignored, because many seats are also
// kecamatan, personal or common names.
//
// Conventions:
// - One row per seat: capital | kabupaten base name (as in the Kemendagri name, without
//   "Kabupaten") | province code. Rows are resolved against the gazetteer at build time.
// - Seats whose name equals the kabupaten's name (Jember, Lahat, Sintang) need no row.
// - Left out on purpose: seats that are ordinary words or another region's name ("Sumber" for
//   Cirebon, "Tanjung" for Tabalong, "Raya" for Simalungun, "Benteng" for Selayar, "Tebing
//   Tinggi" for Empat Lawang, "Banggai" for Banggai Laut), and seats shared by two kabupaten
//   ("Martapura": Banjar and OKU Timur; "Sukadana": Lampung Timur and Kayong Utara).
// - Seats the author was not sure of were left out (e.g. Kabupaten Kediri, Serang, Nias).

export const KABUPATEN_CAPITALS_SOURCE = `
Tapaktuan|Aceh Selatan|11
Kutacane|Aceh Tenggara|11
Idi Rayeuk|Aceh Timur|11
Takengon|Aceh Tengah|11
Meulaboh|Aceh Barat|11
Jantho|Aceh Besar|11
Kota Jantho|Aceh Besar|11
Sigli|Pidie|11
Lhoksukon|Aceh Utara|11
Sinabang|Simeulue|11
Blangpidie|Aceh Barat Daya|11
Blangkejeren|Gayo Lues|11
Calang|Aceh Jaya|11
Suka Makmue|Nagan Raya|11
Karang Baru|Aceh Tamiang|11
Meureudu|Pidie Jaya|11
Panyabungan|Mandailing Natal|12
Sipirok|Tapanuli Selatan|12
Pandan|Tapanuli Tengah|12
Tarutung|Tapanuli Utara|12
Balige|Toba|12
Rantau Prapat|Labuhanbatu|12
Rantauprapat|Labuhanbatu|12
Kisaran|Asahan|12
Sidikalang|Dairi|12
Kabanjahe|Karo|12
Lubuk Pakam|Deli Serdang|12
Stabat|Langkat|12
Teluk Dalam|Nias Selatan|12
Dolok Sanggul|Humbang Hasundutan|12
Doloksanggul|Humbang Hasundutan|12
Pangururan|Samosir|12
Sei Rampah|Serdang Bedagai|12
Gunung Tua|Padang Lawas Utara|12
Sibuhuan|Padang Lawas|12
Kota Pinang|Labuhanbatu Selatan|12
Aek Kanopan|Labuhanbatu Utara|12
Tuapejat|Kepulauan Mentawai|13
Painan|Pesisir Selatan|13
Arosuka|Solok|13
Muaro Sijunjung|Sijunjung|13
Batusangkar|Tanah Datar|13
Parit Malintang|Padang Pariaman|13
Lubuk Basung|Agam|13
Sarilamak|Lima Puluh Kota|13
Lubuk Sikaping|Pasaman|13
Padang Aro|Solok Selatan|13
Pulau Punjung|Dharmasraya|13
Simpang Ampek|Pasaman Barat|13
Bangkinang|Kampar|14
Rengat|Indragiri Hulu|14
Tembilahan|Indragiri Hilir|14
Pangkalan Kerinci|Pelalawan|14
Pasir Pengaraian|Rokan Hulu|14
Pasir Pangaraian|Rokan Hulu|14
Bagansiapiapi|Rokan Hilir|14
Bagan Siapiapi|Rokan Hilir|14
Teluk Kuantan|Kuantan Singingi|14
Selatpanjang|Kepulauan Meranti|14
Selat Panjang|Kepulauan Meranti|14
Siulak|Kerinci|15
Bangko|Merangin|15
Muara Bulian|Batanghari|15
Sengeti|Muaro Jambi|15
Kuala Tungkal|Tanjung Jabung Barat|15
Muara Sabak|Tanjung Jabung Timur|15
Muara Bungo|Bungo|15
Muara Tebo|Tebo|15
Baturaja|Ogan Komering Ulu|16
Kayuagung|Ogan Komering Ilir|16
Kayu Agung|Ogan Komering Ilir|16
Muara Beliti|Musi Rawas|16
Sekayu|Musi Banyuasin|16
Pangkalan Balai|Banyuasin|16
Muaradua|Ogan Komering Ulu Selatan|16
Muara Dua|Ogan Komering Ulu Selatan|16
Indralaya|Ogan Ilir|16
Inderalaya|Ogan Ilir|16
Talang Ubi|Penukal Abab Lematang Ilir|16
Rupit|Musi Rawas Utara|16
Manna|Bengkulu Selatan|17
Curup|Rejang Lebong|17
Arga Makmur|Bengkulu Utara|17
Bintuhan|Kaur|17
Tais|Seluma|17
Muara Aman|Lebong|17
Karang Tinggi|Bengkulu Tengah|17
Kalianda|Lampung Selatan|18
Gunung Sugih|Lampung Tengah|18
Kotabumi|Lampung Utara|18
Liwa|Lampung Barat|18
Menggala|Tulang Bawang|18
Kota Agung|Tanggamus|18
Kotaagung|Tanggamus|18
Blambangan Umpu|Way Kanan|18
Gedong Tataan|Pesawaran|18
Simpang Pematang|Mesuji|18
Panaragan|Tulang Bawang Barat|18
Krui|Pesisir Barat|18
Sungailiat|Bangka|19
Sungai Liat|Bangka|19
Tanjung Pandan|Belitung|19
Tanjungpandan|Belitung|19
Toboali|Bangka Selatan|19
Koba|Bangka Tengah|19
Mentok|Bangka Barat|19
Muntok|Bangka Barat|19
Manggar|Belitung Timur|19
Tanjung Balai Karimun|Karimun|21
Ranai|Natuna|21
Daik|Lingga|21
Tarempa|Kepulauan Anambas|21
Cibinong|Bogor|32
Palabuhanratu|Sukabumi|32
Pelabuhan Ratu|Sukabumi|32
Pelabuhanratu|Sukabumi|32
Soreang|Bandung|32
Singaparna|Tasikmalaya|32
Cikarang|Bekasi|32
Ngamprah|Bandung Barat|32
Purwokerto|Banyumas|33
Mungkid|Magelang|33
Kota Mungkid|Magelang|33
Purwodadi|Grobogan|33
Ungaran|Semarang|33
Kajen|Pekalongan|33
Slawi|Tegal|33
Wates|Kulon Progo|34
Wonosari|Gunungkidul|34
Kanigoro|Blitar|35
Kepanjen|Malang|35
Kraksaan|Probolinggo|35
Bangil|Pasuruan|35
Mojosari|Mojokerto|35
Caruban|Madiun|35
Rangkasbitung|Lebak|36
Tigaraksa|Tangerang|36
Ngabang|Landak|61
Putussibau|Kapuas Hulu|61
Nanga Pinoh|Melawi|61
Sungai Raya|Kubu Raya|61
Pangkalan Bun|Kotawaringin Barat|62
Sampit|Kotawaringin Timur|62
Kuala Kapuas|Kapuas|62
Buntok|Barito Selatan|62
Muara Teweh|Barito Utara|62
Nanga Bulik|Lamandau|62
Kuala Pembuang|Seruyan|62
Kasongan|Katingan|62
Kuala Kurun|Gunung Mas|62
Tamiang Layang|Barito Timur|62
Puruk Cahu|Murung Raya|62
Pelaihari|Tanah Laut|63
Marabahan|Barito Kuala|63
Rantau|Tapin|63
Kandangan|Hulu Sungai Selatan|63
Barabai|Hulu Sungai Tengah|63
Amuntai|Hulu Sungai Utara|63
Batulicin|Tanah Bumbu|63
Paringin|Balangan|63
Tanah Grogot|Paser|64
Tenggarong|Kutai Kartanegara|64
Tanjung Redeb|Berau|64
Sendawar|Kutai Barat|64
Sangatta|Kutai Timur|64
Penajam|Penajam Paser Utara|64
Ujoh Bilang|Mahakam Ulu|64
Tanjung Selor|Bulungan|65
Tideng Pale|Tana Tidung|65
Lolak|Bolaang Mongondow|71
Tondano|Minahasa|71
Tahuna|Kepulauan Sangihe|71
Melonguane|Kepulauan Talaud|71
Amurang|Minahasa Selatan|71
Airmadidi|Minahasa Utara|71
Ratahan|Minahasa Tenggara|71
Boroko|Bolaang Mongondow Utara|71
Tutuyan|Bolaang Mongondow Timur|71
Luwuk|Banggai|72
Salakan|Banggai Kepulauan|72
Bungku|Morowali|72
Parigi|Parigi Moutong|72
Ampana|Tojo Una-Una|72
Kolonodale|Morowali Utara|72
Bontosunggu|Jeneponto|73
Pattallassang|Takalar|73
Sungguminasa|Gowa|73
Watampone|Bone|73
Pangkajene|Pangkajene dan Kepulauan|73
Watansoppeng|Soppeng|73
Sengkang|Wajo|73
Belopa|Luwu|73
Makale|Tana Toraja|73
Masamba|Luwu Utara|73
Malili|Luwu Timur|73
Rantepao|Toraja Utara|73
Pasarwajo|Buton|74
Raha|Muna|74
Unaaha|Konawe|74
Andoolo|Konawe Selatan|74
Rumbia|Bombana|74
Wangi-Wangi|Wakatobi|74
Lasusua|Kolaka Utara|74
Buranga|Buton Utara|74
Wanggudu|Konawe Utara|74
Tirawuta|Kolaka Timur|74
Laworo|Muna Barat|74
Labungkarie|Buton Tengah|74
Batauga|Buton Selatan|74
Limboto|Gorontalo|75
Tilamuta|Boalemo|75
Suwawa|Bone Bolango|75
Marisa|Pohuwato|75
Kwandang|Gorontalo Utara|75
Polewali|Polewali Mandar|76
Tobadak|Mamuju Tengah|76
`;

export interface KabupatenCapital {
  capital: string;
  kabupaten: string;
  provinceCode: string;
}

export const KABUPATEN_CAPITALS: readonly KabupatenCapital[] = KABUPATEN_CAPITALS_SOURCE.trim()
  .split('\n')
  .map((line) => {
    const [capital, kabupaten, provinceCode] = line.split('|').map((part) => part.trim());
    return { capital, kabupaten, provinceCode };
  });
