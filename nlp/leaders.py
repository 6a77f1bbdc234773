"""Heads of state and government, and a few foreign ministers, who make agreements for their countries:
'General Secretary Gorbachev and I signed the treaty', 'Chancellor Merkel and President Macron signed'.

A name stands for its country only where the person signs or is the other side of an agreement, and only
where the text does not itself say whom the person acts for (`parties._persons_country` reads that first).
Surnames alone are listed only where no other head of government of the last 120 years bears them; a shared
or common surname ('Wilson', 'Johnson', 'Major', 'Hussein') is listed under the full name only. The country
is the one of the time, as the gazetteer names it (the Soviet Union's leaders are the Soviet Union's).
"""

from __future__ import annotations

from functools import lru_cache

# Each country's leaders, '|' between names (a surname alone where no other leader bears it).
_BY_COUNTRY: dict[str, str] = {
    "Soviet Union": (
        "Stalin|Khrushchev|Brezhnev|Kosygin|Andropov|Chernenko|Gorbachev|Gromyko|Molotov|"
        "Shevardnadze|Podgorny|Bulganin|Malenkov"
    ),
    "Russia": "Yeltsin|Putin|Medvedev|Lavrov|Primakov|Kozyrev",
    "United Kingdom": (
        "Churchill|Chamberlain|Attlee|Macmillan|Callaghan|Thatcher|Blair|Sunak|Starmer|Baldwin|Asquith|Bevin|"
        "Lloyd George|Neville Chamberlain|Anthony Eden|Edward Heath|Harold Wilson|John Major|"
        "Gordon Brown|David Cameron|Theresa May|Boris Johnson|Liz Truss"
    ),
    "France": (
        "Clemenceau|Briand|Poincaré|Poincare|Pompidou|Mitterrand|Chirac|Sarkozy|Hollande|Macron|"
        "de Gaulle|Giscard d'Estaing|Charles de Gaulle"
    ),
    "Germany": (
        "Hitler|Stresemann|Adenauer|Erhard|Kiesinger|Brandt|Kohl|Merkel|Scholz|Genscher|"
        "Helmut Schmidt|Gerhard Schröder|Gerhard Schroeder|Olaf Scholz"
    ),
    "Japan": (
        "Yoshida|Hatoyama|Kishi|Ikeda|Ohira|Nakasone|Takeshita|Hosokawa|Hashimoto|Obuchi|Koizumi|"
        "Kishida|Eisaku Sato|Kakuei Tanaka|Shinzo Abe|Yoshihide Suga|Fumio Kishida"
    ),
    "China": (
        "Mao|Mao Zedong|Mao Tse-tung|Zhou Enlai|Chou En-lai|Deng Xiaoping|Teng Hsiao-ping|"
        "Jiang Zemin|Hu Jintao|Xi Jinping|Li Peng|Wen Jiabao|Li Keqiang|Wang Yi|Zhao Ziyang|Hua Guofeng"
    ),
    "Taiwan": "Chiang Kai-shek|Chiang Ching-kuo|Lee Teng-hui",
    "Israel": (
        "Begin|Ben-Gurion|Rabin|Peres|Netanyahu|Shamir|Olmert|Bennett|Menachem Begin|Golda Meir|"
        "Ariel Sharon|Ehud Barak|Yitzhak Shamir"
    ),
    "Egypt": "Nasser|Sadat|Mubarak|Morsi|Sisi|el-Sisi",
    "Iraq": "Saddam Hussein",
    "Syria": "Hafez al-Assad|Bashar al-Assad",
    "Iran": "Khomeini|Khamenei|Rafsanjani|Khatami|Ahmadinejad|Rouhani|Raisi|Pezeshkian",
    "India": "Nehru|Vajpayee|Modi|Jaishankar|Indira Gandhi|Rajiv Gandhi|Manmohan Singh|Narendra Modi",
    "Pakistan": "Musharraf|Ayub Khan|Zia-ul-Haq|Zulfikar Ali Bhutto|Benazir Bhutto|Nawaz Sharif|Imran Khan",
    "Canada": (
        "Diefenbaker|Mulroney|Chrétien|Chretien|Trudeau|Mackenzie King|Lester Pearson|"
        "Stephen Harper|Mark Carney|Mélanie Joly"
    ),
    "Mexico": (
        "Miguel de la Madrid|López Portillo|Lopez Portillo|"
        "Carlos Salinas|Salinas de Gortari|Ernesto Zedillo|Vicente Fox|López Obrador|"
        "Lopez Obrador|Claudia Sheinbaum"
    ),
    "Cuba": "Castro|Fidel Castro|Raúl Castro|Raul Castro",
    "Vietnam": "Ho Chi Minh",
    "North Vietnam": "Pham Van Dong|Le Duc Tho",
    "South Vietnam": "Ngo Dinh Diem|Nguyen Van Thieu",
    "Cambodia": "Sihanouk|Lon Nol|Hun Sen",
    "Laos": "Souvanna Phouma",
    "Singapore": "Lee Kuan Yew|Lee Hsien Loong",
    "Libya": "Qaddafi|Gaddafi|Muammar Qaddafi|Muammar Gaddafi",
    "Nicaragua": "Somoza|Daniel Ortega",
    "El Salvador": "José Napoleón Duarte|Jose Napoleon Duarte",
    "Haiti": "Aristide",
    "Kazakhstan": "Nazarbayev|Tokayev",
    "Belarus": "Lukashenko",
    "North Korea": "Kim Il-sung|Kim Il Sung|Kim Jong-il|Kim Jong Il|Kim Jong-un|Kim Jong Un",
    "South Korea": (
        "Syngman Rhee|Park Chung-hee|Chun Doo-hwan|Roh Tae-woo|Kim Dae-jung|Moon Jae-in|Yoon Suk-yeol|Lee Jae-myung"
    ),
    "Philippines": "Ferdinand Marcos|Corazon Aquino|Fidel Ramos|Rodrigo Duterte|Ramos-Horta",
    "Australia": "Menzies|Hawke|Keating|Gillard|Rudd|Turnbull|Morrison|Albanese|John Howard|Penny Wong",
    "New Zealand": "Ardern|Hipkins|Luxon|Helen Clark|John Key|Winston Peters",
    "Ukraine": "Zelensky|Zelenskyy|Zelenskiy|Kuleba",
    "Turkey": "Atatürk|Ataturk|Erdoğan|Erdogan",
    "Italy": "Mussolini|Andreotti|Berlusconi|Meloni|De Gasperi|Mario Draghi",
    "Spain": "Francisco Franco|Felipe González|Pedro Sánchez|José María Aznar",
    "Yugoslavia": "Tito|Josip Broz Tito",
    "Serbia": "Slobodan Milošević|Slobodan Milosevic|Aleksandar Vučić|Aleksandar Vucic",
    "Panama": "Torrijos|Omar Torrijos|Manuel Noriega",
    "Poland": "Wałęsa|Walesa",
    "Kenya": "Kenyatta|Ruto|Daniel arap Moi|Mwai Kibaki|Uhuru Kenyatta",
    "Uganda": "Museveni|Milton Obote|Idi Amin",
    "Tanzania": "Nyerere|Samia Suluhu Hassan|Jakaya Kikwete|John Magufuli",
    "Ethiopia": "Haile Selassie|Abiy Ahmed|Meles Zenawi",
    "Nigeria": "Obasanjo|Buhari|Tinubu|Goodluck Jonathan",
    "Ghana": "Nkrumah|Akufo-Addo|Jerry Rawlings|John Mahama",
    "Indonesia": "Sukarno|Suharto|Jokowi|Joko Widodo|Prabowo|Prabowo Subianto",
    "Jordan": "King Hussein",
    "Palestine": "Arafat|Yasser Arafat|Mahmoud Abbas",
    "South Africa": "Mandela|Ramaphosa|de Klerk|Thabo Mbeki|Jacob Zuma",
    "Brazil": "Lula|Lula da Silva|Jair Bolsonaro",
    "Saudi Arabia": "Mohammed bin Salman|King Fahd|King Faisal|King Salman",
    "United States": (
        "Roosevelt|Taft|Harding|Coolidge|Hoover|Truman|Eisenhower|Kennedy|Nixon|Reagan|Clinton|"
        "Obama|Biden|Trump|Bush|Kissinger|Blinken|Woodrow Wilson|Lyndon Johnson|Gerald Ford|"
        "Jimmy Carter|George Bush|George W. Bush|George H. W. Bush|Madeleine Albright|"
        "Colin Powell|Condoleezza Rice|Hillary Clinton|John Kerry|Mike Pompeo|Marco Rubio"
    ),
}


@lru_cache(maxsize=1)
def _index() -> dict[str, str]:
    return {name.casefold(): place for place, names in _BY_COUNTRY.items() for name in names.split("|")}


def leaders_country(name: str) -> str | None:
    """The country a named leader acts for ('Gorbachev', 'Shinzo Abe', 'Chancellor Merkel'), by the whole
    name, else by its last two words or its surname; None for anyone the table lacks."""
    words = name.split()
    index = _index()
    for size in range(len(words), 0, -1):
        found = index.get(" ".join(words[-size:]).casefold())
        if found is not None:
            return found
    return None


def titled_leaders_country(surname: str) -> str | None:
    """'President Sheinbaum', 'Prime Minister Carney', 'President Xi': under a head of government's title, the
    surname of a leader the table lists by full name only (first where the family name comes first), where every
    listed leader who bears it served one country ('Gandhi' is India's; 'Johnson' and 'Kim' stay unknown). Not
    without the title: 'Mayor Khan' is no Pakistani."""
    return _surnames().get(surname.casefold())


# Countries whose leaders' names are written family name first ('Xi Jinping' is President Xi, 'Park Chung-hee'
# President Park); Vietnamese leaders go by the last name ('President Thieu'), as the table's others do.
_FAMILY_NAME_FIRST = frozenset({"China", "Taiwan", "North Korea", "South Korea"})


@lru_cache(maxsize=1)
def _surnames() -> dict[str, str]:
    countries: dict[str, set[str]] = {}
    for name, place in _index().items():
        words = name.split()
        countries.setdefault(words[-1], set()).add(place)
        if place in _FAMILY_NAME_FIRST and len(words) > 1:
            countries.setdefault(words[0], set()).add(place)
    return {surname: places.pop() for surname, places in countries.items() if len(places) == 1}
