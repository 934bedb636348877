"""Word lists behind the rules, kept as data in one place (ANNOTATION.md section 1)."""

from __future__ import annotations

# verbs (lemmas) whose object or passive subject suffered the outcome
OUTCOME_VERBS: dict[str, str] = {
    **dict.fromkeys(("kill", "murder", "massacre", "execute", "slaughter", "slay", "behead",
                     "assassinate", "die", "drown", "perish", "bayonet", "butcher", "gun", "decapitate",
                     "electrocute", "lynch", "suffocate", "starve", "crush", "burn"), "killed"),
    **dict.fromkeys(("wound", "injure", "hurt", "maim", "hospitalize", "hospitalise", "mutilate",
                     "scald", "stab"), "injured"),
    **dict.fromkeys(("disappear", "vanish"), "missing"),
    **dict.fromkeys(("abduct", "kidnap", "detain", "capture", "arrest", "seize", "imprison",
                     "jail", "round", "hold", "recapture", "rearrest", "re-arrest", "intern"), "captured"),
    **dict.fromkeys(("displace", "flee", "evacuate", "expel", "uproot", "deport", "relocate",
                     "evict"), "displaced"),
}
# verbs that only mark an outcome with a particular complement
WEAK_VERBS = {"burn", "starve", "crush", "gun", "hold", "round", "stab"}

# nouns and adjectives that carry the outcome inside the noun phrase
OUTCOME_NOUNS: dict[str, str] = {
    **dict.fromkeys(("dead", "death", "deaths", "fatality", "fatalities", "body", "bodies", "corpse",
                     "corpses", "casualty", "casualties", "toll", "life", "lives", "remains",
                     "killed", "victim", "victims", "slain", "drowned"), "killed"),
    **dict.fromkeys(("wounded", "injured", "injury", "injuries", "hurt", "patient", "patients",
                     "wound", "wounds"), "injured"),
    **dict.fromkeys(("missing", "disappeared", "unaccounted"), "missing"),
    **dict.fromkeys(("hostage", "hostages", "prisoner", "prisoners", "captive", "captives",
                     "detainee", "detainees", "abductee", "abductees", "captured", "arrested",
                     "detained", "kidnapped", "abducted"), "captured"),
    **dict.fromkeys(("refugee", "refugees", "displaced", "evacuee", "evacuees", "homeless",
                     "idps", "idp", "asylum", "shelters", "shelter", "evacuated"), "displaced"),
}
# nouns that are an outcome only in the right construction ("lives" needs lose/claim/take)
WEAK_NOUNS = {"life", "lives", "toll", "victim", "victims", "patient", "patients", "remains",
              "shelter", "shelters", "asylum", "prisoner", "prisoners", "wound", "wounds"}

# words for people a count can be of
PERSON_NOUNS = {
    "people", "persons", "person", "individuals", "civilians", "civilian", "children", "child",
    "kids", "boys", "boy", "girls", "girl", "babies", "infants", "women", "woman", "men", "man",
    "soldiers", "soldier", "troops", "servicemen", "militiamen", "policemen", "policeman",
    "officers", "officer", "police", "fighters", "insurgents", "militants", "gunmen", "rebels",
    "guerrillas", "guerillas", "commandos", "commandoes", "members", "workers", "passengers",
    "tourists", "protesters", "demonstrators", "students", "pupils", "residents", "villagers",
    "inhabitants", "citizens", "nationals", "others", "more", "peasants", "farmers", "journalists",
    "reporters", "doctors", "nurses", "medics", "paramedics", "volunteers", "pilgrims", "worshippers",
    "worshipers", "migrants", "immigrants", "refugees", "prisoners", "inmates", "detainees",
    "hostages", "miners", "sailors", "crew", "crewmen", "marines", "airmen", "guards", "staff",
    "employees", "teachers", "elderly", "relatives", "adults", "teenagers", "youths",
    "forces", "personnel", "recruits", "cadets", "trainees", "attackers", "assailants", "bombers",
    "terrorists", "jihadists", "extremists", "suspects", "militia", "shepherds", "fishermen",
    "shoppers", "commuters", "bystanders", "victims", "casualties", "dead", "bodies", "corpses",
    "lives", "deaths", "fatalities", "wounded", "injured", "survivors", "Azeris", "agents",
    "contractors", "diplomats", "officials", "leaders", "commanders", "generals", "settlers",
    "aid", "humanitarians", "priests", "monks", "nuns", "mourners", "fans", "spectators",
    "pedestrians", "motorists", "drivers", "patients", "mothers", "fathers", "sons", "daughters",
    "friends", "ones", "souls", "hundreds", "thousands", "them", "whom", "those", "these",
    "schoolgirls", "schoolboys", "schoolchildren", "toddlers", "minors", "teens", "youngsters",
    "newborns", "elders", "pensioners", "congregants", "guests",
    "customers", "travellers", "travelers", "hikers", "climbers", "visitors", "campers",
    "herders", "nomads", "labourers", "laborers", "tribesmen", "clansmen", "gendarmes",
    "peacekeepers", "paratroopers", "conscripts", "reservists", "mercenaries", "firefighters",
    "rescuers", "responders", "bodyguards", "lawmakers", "neighbours", "neighbors", "colleagues", "comrades",
    "compatriots", "parishioners", "locals", "partisans", "loyalists", "supporters", "followers",
}
# a count of these is never a casualty figure (ANNOTATION.md: not figures)
NOT_PEOPLE = {
    "year", "years", "month", "months", "week", "weeks", "day", "days", "hour", "hours", "minute",
    "minutes", "second", "seconds", "km", "kilometers", "kilometres", "miles", "mile", "meters",
    "metres", "feet", "acres", "hectares", "kilograms", "kg", "pounds", "tons", "tonnes", "dlrs",
    "dollars", "euros", "percent", "pct", "%", "cars", "vehicles", "bombs", "attacks",
    "cities", "towns", "villages", "countries", "states", "nations", "documents", "buildings",
    "homes", "houses", "stations", "divisions", "brigades", "battalions", "units", "times",
    "blasts", "explosions", "rockets", "missiles", "shells", "mines", "planes", "aircraft",
    "helicopters", "tanks", "trucks", "bombers", "fighters-jets", "families", "households",
    "mln", "billion", "trillion", "am", "pm", "gmt", "warrants", "provinces",
    "districts", "regions", "sites", "schools", "hospitals", "mosques", "churches", "shops",
    "votes", "seats", "points", "goals", "games", "pages", "articles", "resolutions", "laws",
    "members-states", "steps", "stages", "rounds", "kits", "tablets", "doses", "meals", "boats",
    "ships", "ferries", "trains", "checkpoints", "positions", "bases", "camps", "posts",
}
UNIT_AFTER = {"year-old", "years-old", "-year-old", "strong", "man", "member", "magnitude", "meter",
              "metre", "km", "mile", "foot", "hour", "minute", "day", "week", "month", "year",
              "story", "storey", "point", "fold", "page"}
MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
          "sept", "oct", "nov", "dec"}

GROUP_WORDS: dict[str, str] = {
    **dict.fromkeys(("civilian", "civilians", "noncombatants", "non-combatants"), "civilians"),
    **dict.fromkeys(("child", "children", "kids", "boy", "boys", "girl", "girls", "baby", "babies",
                     "infants", "schoolchildren", "minors", "toddlers", "schoolboys", "schoolgirls",
                     "teenagers", "pupils"), "children"),
    **dict.fromkeys(("woman", "women", "mothers"), "women"),
    **dict.fromkeys(("man", "men"), "men"),
    **dict.fromkeys(("elderly", "pensioners"), "elderly"),
    **dict.fromkeys(("soldier", "soldiers", "troops", "servicemen", "militiamen", "fighters", "insurgents",
                     "militants", "gunmen", "rebels", "guerrillas", "guerillas", "commandos", "commandoes",
                     "marines", "paratroopers", "combatants", "jihadists", "mercenaries", "conscripts",
                     "militia", "militias", "forces", "troopers", "airmen", "sailors", "recruits",
                     "attackers", "assailants", "personnel", "cadets"), "combatants"),
    **dict.fromkeys(("police", "policeman", "policemen", "policewoman", "policewomen", "officers",
                     "officer", "constables", "gendarmes", "patrolmen", "cops"), "police"),
    **dict.fromkeys(("journalist", "journalists", "reporters", "reporter", "photographers",
                     "cameramen"), "journalists"),
    **dict.fromkeys(("aid", "humanitarian"), "aid_workers"),
    **dict.fromkeys(("doctors", "nurses", "medics", "paramedics", "surgeons"), "medical_workers"),
    **dict.fromkeys(("prisoners", "inmates", "detainees"), "prisoners"),
}

# reporting verbs: their subject is the claimant of the clause they govern
REPORT_VERBS = {
    "say", "report", "tell", "add", "state", "estimate", "claim", "announce", "confirm", "note",
    "write", "allege", "indicate", "show", "put", "count", "record", "register", "quote", "declare",
    "insist", "assert", "maintain", "testify", "explain", "disclose", "reveal", "acknowledge",
    "admit", "warn", "tally", "list", "inform", "cite", "calculate", "believe", "suggest",
    "deny", "describe", "recall", "publish", "print", "document", "verify",
    "tweet", "post", "broadcast", "mention", "specify", "detail", "conclude", "place", "fear", "expect",
    "predict", "project", "forecast", "assess",
}
HEDGE_WORDS = {"reportedly", "allegedly", "purportedly", "supposedly", "apparently", "unconfirmed",
               "rumoured", "rumored", "alleged"}
