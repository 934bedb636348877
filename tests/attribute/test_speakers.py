"""Speakers and intermediaries of quotations on invented sentences (needs the model)."""

from __future__ import annotations

import pytest

from counterclaim.nlp.normalize import normalize

pytestmark = pytest.mark.slow


def attributed(text: str) -> list[tuple[str | None, str | None]]:
    from counterclaim.attribute.model import quote_mentions
    from counterclaim.extract.quotes import find_quotes
    from counterclaim.nlp import load_nlp

    norm = normalize(text)
    doc = load_nlp()(norm.text)
    found, _ = find_quotes(norm, doc)
    return [(q.speaker, q.via) for q in quote_mentions(found, norm, doc)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # after the quotation, names with titles stripped
        ("“We will rebuild,” said Mayor Elin Vasquez, who visited the site on Monday.", [("Elin Vasquez", None)]),
        ("“We are ready,” said Interior Minister Pavel Dorn.", [("Pavel Dorn", None)]),
        ("“Nobody came,” Ms. Ana Ruiz said at the clinic.", [("Ana Ruiz", None)]),
        ('"The road is cut," Colonel Radu Petrescu told reporters.', [("Radu Petrescu", None)]),
        # before the quotation
        ("Colonel Radu Petrescu told reporters: “The road is closed.”", [("Radu Petrescu", None)]),
        ("The regional governor, Lena Holm, said: “Help is coming.”", [("Lena Holm", None)]),
        ("Dr Ivo Marek added, “The wards are full.”", [("Ivo Marek", None)]),
        # descriptive speakers keep their phrase
        ("“It was chaos,” said a senior official in the regional water authority.",
         [("a senior official in the regional water authority", None)]),
        ("“They came at night,” said one villager, who asked not to be named.", [("one villager", None)]),
        # documents and institutions
        ("“The town shall observe a day of mourning,” reads part of the decree signed by Governor Lena Holm.",
         [("the decree", None)]),
        ("It is also stated in the resolution that “the victims deserve justice and remembrance”.",
         [("the resolution", None)]),
        ("The ministry said the “reckless neighbours” had caused the fire.", [("The ministry", None)]),
        ("According to Karl Obst, a farmer, “the river has never been this high.”", [("Karl Obst", None)]),
        ("“The dam was not maintained,” according to a statement from the water authority.",
         [("a statement from the water authority", None)]),
        ("The mayor was blunt: “We failed the people of Tarnby.”", [("The mayor", None)]),
        ("“Where is the help?” asked one resident of the flooded district.",
         [("one resident of the flooded district", None)]),
        # intermediaries
        ("A police official told the Tarnby Courier: “Four houses collapsed.”",
         [("A police official", "the Tarnby Courier")]),
        ("As reported by the historian Jonas Berg in his memoir, General Ivo Marek said: “We held the bridge.”",
         [("Ivo Marek", "Jonas Berg")]),
        ("Petrescu told Radio Tarnby that the town had received “barely a tenth of it” so far.",
         [("Petrescu", "Radio Tarnby")]),
        ("The Tarnby Courier quoted Colonel Radu Petrescu as saying “the army will stay as long as needed.”",
         [("Radu Petrescu", "Tarnby Courier")]),
        ("A statement from the ministry said “the dam was safe,” the Tarnby Courier reported.",
         [("A statement from the ministry", "Tarnby Courier")]),
    ],
)
def test_speaker_and_via(text, expected):
    assert attributed(text) == expected


def test_surname_and_first_name_mentions_take_the_fullest_form():
    text = ("Karl Obst, a farmer near Tarnby, lost his barn in the flood. "
            "“The water took everything,” Mr. Obst said. "
            "Later, Dmitri Valen of the Red Cross visited. “We need boats,” Mr. Dmitri added.")
    assert [s for s, _ in attributed(text)] == ["Karl Obst", "Dmitri Valen"]


def test_pronoun_resolves_to_the_last_person():
    text = ("Ana Ruiz, a nurse at the clinic, said the wards were full. "
            "“We have no beds left,” she said.")
    assert attributed(text) == [("Ana Ruiz", None)]


def test_pronoun_after_a_descriptive_speaker():
    text = ('A military spokesman said the attack began "to divert attention from the north." '
            'He added, "The enemy will fail."')
    assert attributed(text) == [("A military spokesman", None), ("A military spokesman", None)]


def test_they_and_it_resolve_to_the_last_group_or_organisation():
    text = ("The Red Crescent said its teams had reached the village. "
            "“Our doctors are working day and night,” it said.")
    assert attributed(text) == [("The Red Crescent", None)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Mr Obst, a farmer, has lived in Tarnby for thirty years. “The water took everything,” the 62-year-old "
     "farmer said.", "Obst"),
    ("Governor Ana Velde visited the site. “We will rebuild,” the governor said.", "Ana Velde"),
    ("The town's mayor, Lena Ostrow, toured the camp. “Nobody will be left behind,” the mayor said.", "Lena Ostrow"),
])
def test_definite_description_resolves_to_the_person_given_that_role(text, expected):
    assert attributed(text) == [(expected, None)]


@pytest.mark.parametrize("text", [
    "Aviation Minister Ravi Dorn said 18 people died. “The injured were rushed to hospital,” the local health "
    "minister said.",
    "Defence Minister Ada Velde visited the camp. “We need clean water,” the health minister said.",
])
def test_a_description_with_other_qualifiers_is_somebody_else(text):
    assert attributed(text)[0][0] != "Ravi Dorn" and attributed(text)[0][0] != "Ada Velde"


@pytest.mark.parametrize(("text", "expected"), [
    ("The report quotes police chief Karl Obst, who confirmed that the attack came “late on Tuesday night.”",
     "Karl Obst"),
    ("Officials named the driver, Lena Ostrow, who said she saw “a wall of water coming down.”", "Lena Ostrow"),
])
def test_who_in_a_relative_clause_is_the_person_it_describes(text, expected):
    assert attributed(text)[0][0] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Ana Ruiz, the acting Prime Minister of Ruritania, spoke out, calling it “an attack on the whole nation”.",
     "Ana Ruiz"),
    ("Karl Obst, the regional governor, spoke at the site, calling the plan “a betrayal of the valley”.", "Karl Obst"),
])
def test_a_role_in_apposition_is_not_the_speakers_name(text, expected):
    assert attributed(text)[0][0] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("In a meeting he was told by Interior Minister Pavel Dorn of “perhaps forty people under the rubble”.",
     "Pavel Dorn"),
    ("The mayor was informed by Colonel Radu Petrescu of “a second blast near the station”.", "Radu Petrescu"),
])
def test_a_passive_speech_verb_with_its_agent_before_the_marks(text, expected):
    assert attributed(text)[0][0] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Governor Hale: ‘No new tolls this year’", "Hale"),
    ("Mayor Lena Ostrow: “We will rebuild the bridge.”", "Lena Ostrow"),
    ("“We deserve better.” ― Rosa Delgado", "Rosa Delgado"),
    ("“Nobody came to help us.” — Karl Obst", "Karl Obst"),
])
def test_labels_and_bylines_without_a_speech_verb(text, expected):
    assert attributed(text)[0][0] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Candidate Ana Ruiz quickly took to Twitter, writing: “The bridge is gone and nobody came.”", "Ana Ruiz"),
    ("Karl Obst went on the radio, saying: “We need boats before the next storm.”", "Karl Obst"),
])
def test_a_participle_takes_the_subject_of_its_clause(text, expected):
    assert attributed(text)[0][0] == expected


def test_a_label_with_a_verb_is_a_clause_not_a_label():
    assert attributed("The mayor was blunt: “We failed the valley.”") == [("The mayor", None)]


def test_the_speaker_goes_on_over_the_texts_own_sentences():
    text = ("“The road is cut,” Woolson said. The towns lie far from any city. The pass has been closed for weeks. "
            "“We have no doctors left here.”")
    assert attributed(text) == [("Woolson", None), ("Woolson", None)]


def test_the_speaker_stops_when_someone_else_is_named_in_between():
    text = ("“The road is cut,” Woolson said. Ana Ruiz had left the valley a week before. The pass was closed. "
            "“We have doctors.”")
    assert attributed(text)[1] == (None, None)


def test_definite_description_without_a_matching_role_stays_as_written():
    # Diaz was never called the governor: the governor is somebody else
    assert attributed("Diaz asked about jobs. “Help is coming,” the governor said.") == [("the governor", None)]


def test_continuation_keeps_the_speaker():
    text = "“The river rose fast,” said Karl Obst, a farmer. “We had ten minutes to leave.”"
    assert attributed(text) == [("Karl Obst", None), ("Karl Obst", None)]


def test_continuation_over_a_paragraph_break():
    text = ('"We counted the houses," Mr Obst wrote in a letter to the council.\n\n'
            '"Forty of them are gone."')
    assert [s for s, _ in attributed(text)] == ["Obst", "Obst"]


def test_no_continuation_after_other_sentences():
    text = ("“The river rose fast,” said Karl Obst. The council met on Monday. "
            "Officials were tired. “We need more boats.”")
    assert attributed(text) == [("Karl Obst", None), (None, None)]


def test_quote_interrupted_by_its_attribution():
    text = '"The wells are dry," the source told Radio Tarnby, "and the children are sick."'
    assert [s for s, _ in attributed(text)] == ["the source", "the source"]


def test_quote_with_no_speaker_in_its_sentence():
    text = "Five guards were jailed for allegedly “helping the prisoners escape from the fort.”"
    assert attributed(text) == [(None, None)]


def test_quote_opening_a_paragraph_after_a_colon():
    text = ("Mira Holt was nine when the river rose. Today she runs the shelter, and on Sunday she stood on "
            "the bridge and said:\n\n“We lost everything that night. Nobody came for two days.”")
    assert attributed(text) == [("Mira Holt", None)]


def test_colon_paragraph_without_a_speech_verb_keeps_the_clause_subject():
    text = "The report ended with a warning:\n\n“The dam will fail again.”"
    assert attributed(text) == [("The report", None)]


def test_no_speaker_across_a_paragraph_without_a_colon():
    text = "Mira Holt said the river rose fast.\n\n“We lost everything that night.”"
    assert attributed(text) == [(None, None)]


def test_organisation_in_apposition_is_the_speaker():
    text = ("The mine's owner, Kaldor Steel, said in a statement that “every possible measure” had been taken. "
            "It later admitted that the sensors had been “out of order for weeks”.")
    assert attributed(text) == [("Kaldor Steel", None), ("Kaldor Steel", None)]


def test_person_in_apposition_to_a_personal_role_stays_a_person():
    text = ("The clinic's spokeswoman, Ada Brisk, said the wards were full. "
            "“We turned people away,” she said.")
    assert attributed(text) == [("Ada Brisk", None)]


def test_every_quotation_hanging_on_quoted_as_saying_is_the_quoted_person():
    text = ("The Tarnby Courier quoted the mayor, Ivo Stan, as saying that “nobody was hurt”, most of the "
            "damage being “to empty barns”.")
    assert attributed(text) == [("Ivo Stan", "Tarnby Courier"), ("Ivo Stan", "Tarnby Courier")]


def test_speaker_relaying_what_she_was_told():
    text = ("An opposition deputy, Ana Ruiz, said nurses at the clinic had told her of “at least forty wounded” "
            "in the night, and accused the ministry of hiding the toll.")
    assert attributed(text) == [("Ana Ruiz", None)]


def test_telling_someone_else_is_not_relaying():
    text = "The minister told her: “Nobody will be left behind.”"
    assert attributed(text) == [("The minister", None)]


def test_a_court_is_an_audience_not_an_intermediary():
    text = "A former commander, Ivo Stan, told a war crimes court in 2002 that his unit had “done its duty”."
    assert attributed(text) == [("Ivo Stan", None)]


@pytest.mark.parametrize(
    "text",
    [
        ("Lena Orsk, the acting premier, spoke out against the raid, calling it “an assault on the whole "
         "province and its people” as well as a breach of the rules relating to the border."),
        ("The council chair, Ines Varga, condemned the decision, calling it “a grave mistake that will cost the "
         "town dearly” and a violation of the laws governing the budget."),
        ("Tom Reyes criticised the plan, describing it as “reckless and cruel to the families involved” in a "
         "letter to the board detailing his objections."),
    ],
)
def test_a_participle_qualifying_a_later_noun_does_not_take_the_quotation(text: str) -> None:
    # "relating", "governing", "detailing" hang on a noun after the quotation: they report nothing
    assert attributed(text)[0][0] in ("Lena Orsk", "Ines Varga", "Tom Reyes")


def test_a_participle_after_the_quotation_that_is_the_report_still_attributes() -> None:
    text = "“Is the mayor going to resign? He should!” the presumptive nominee, Dan Pike, tweeted on Sunday."
    assert attributed(text) == [("Dan Pike", None)]


@pytest.mark.parametrize(
    "text",
    [
        ("FIFTEEN CIVILIANS WERE KILLED IN THE VILLAGE BY A GANG “POSSIBLY BELONGING TO THE NORTHERN FRONT.” "
         "THE INITIAL REPORT MENTIONS 10 KILLED."),
        "THE FLOOD WAS CAUSED BY “YEARS OF NEGLECT BY THE PROVINCE.” THE GOVERNOR'S OFFICE DENIES ANY BLAME.",
        "The attackers wore “grey uniforms and red scarves.” The army statement names three suspects.",
    ],
)
def test_a_new_sentence_with_its_own_statement_does_not_attribute_the_quotation_before_it(text: str) -> None:
    # the quotation ends its sentence (in capitals as in mixed case, where only the parse shows it); the next
    # sentence's speech verb has an object of its own, so it states something new and nobody is named
    assert attributed(text) == [(None, None)]


def test_a_bare_attribution_after_a_sentence_final_quotation_still_counts() -> None:
    assert attributed("“We will rebuild every house,” the mayor said.") == [("the mayor", None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a plural description is never "he", "she" or "I"
        ("Two aides to Mayor Lena Holm said the plan was dead. Holm disagreed. “It is alive and well,” she said.",
         "Lena Holm"),
        ("Maria Lopez met the women outside the clinic, where the nurses told her the wards were full. "
         "“We cannot go on like this,” she said.", "Maria Lopez"),
        ("Rafael Ortiz spoke after several protesters addressed the crowd. “I have heard you,” he said.",
         "Rafael Ortiz"),
    ],
)
def test_a_singular_pronoun_never_resolves_to_a_plural_description(text: str, expected: str) -> None:
    assert attributed(text)[-1][0] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a description's head noun gives its gender: "a young man" is not "she"
        ("Nora Bell watched as a young man shouted at the guards. “They did nothing wrong,” she said.",
         "Nora Bell"),
        ("The spokeswoman said the camp was full, and Tomas Brell agreed. “There is no room left,” he said.",
         "Tomas Brell"),
        ("Pia Lund thanked the chairman for his help. “Without him we would have failed,” she said.",
         "Pia Lund"),
    ],
)
def test_a_description_has_the_gender_of_its_head_noun(text: str, expected: str) -> None:
    assert attributed(text)[-1][0] == expected


def test_a_shared_surname_takes_the_gender_of_the_given_name() -> None:
    text = ("Maria Garcia said her husband Carlos Garcia had left the town. Garcia said she would stay. "
            "“My home is here,” she said.")
    assert attributed(text)[-1][0] == "Maria Garcia"
    text = ("Maria Garcia said her husband Carlos Garcia had left the town. Garcia said he would not return. "
            "“My work is in the city,” he said.")
    assert attributed(text)[-1][0] == "Carlos Garcia"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a title-case headline's capitals mark no names: the name ends where the headline's verb begins
        ("Dan Pike Slams Rivals And Press Over Leak\n\nThe senator criticised the leak on Monday. "
         "“It was a disgrace to the chamber,” Pike said.", "Dan Pike"),
        ("Governor Paul Kerr Rejects Calls For Inquiry Into Prison Deaths\n\n“There is nothing to investigate "
         "here,” Kerr told the assembly.", "Paul Kerr"),
        ("John Mason Defends Police Chief After Protest Deaths\n\n“The chief acted within the law at every step,” "
         "Mason said.", "John Mason"),
        ("Mayor Lena Holm Visits Flooded Towns In The North\n\n“We will rebuild every house,” Holm told reporters.",
         "Lena Holm"),
        # not a headline: a name in running text keeps all its words
        ("Ana de la Cruz, a nurse, spoke first. “We need more beds in every ward,” de la Cruz said.",
         "Ana de la Cruz"),
    ],
)
def test_names_in_a_title_case_headline_stop_at_the_name(text: str, expected: str) -> None:
    assert attributed(text) == [(expected, None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "he"/"she" after a sentence about somebody else: the person that sentence is about, not the last speaker
        ("“The budget is a disgrace,” John Mason said on Monday. David Brown walked through the ruins of his "
         "bakery on Tuesday. “Everything I built is gone,” he said.", "David Brown"),
        ("“We will not resign,” said Paul Kerr. Hours later, Tom Reyes drove to the flooded villages in the north. "
         "“I have never seen water this high,” he said.", "Tom Reyes"),
        ("“The road is closed,” Maria Lopez said. Anna Smith stood outside the ruined clinic with her two "
         "children. “We have nowhere to go,” she said.", "Anna Smith"),
        # negatives: a plural or negated subject is nobody; the last speaker goes on
        ("“It was chaos,” said John Mason. His neighbours and the local priest helped carry the wounded. "
         "“We did what we could,” he said.", "John Mason"),
        ("“It was chaos,” said John Mason. No other official commented on the raid. “We did what we could,” he "
         "said.", "John Mason"),
    ],
)
def test_a_pronoun_after_a_sentence_about_someone_is_that_person(text: str, expected: str) -> None:
    assert attributed(text)[-1][0] == expected


def test_a_pronoun_after_a_question_is_the_person_asked() -> None:
    text = ("Maria Lopez spoke first at the hearing. Paul Kerr then asked Lopez about the missing funds. "
            "“I have no idea where the money went,” she said.")
    assert attributed(text) == [("Maria Lopez", None)]
    text = ("Paul Kerr, asked by reporters about the strike, said, “We are ready to talk.” "
            "“Nobody wants this to go on,” he added.")
    assert attributed(text) == [("Paul Kerr", None), ("Paul Kerr", None)]


@pytest.mark.parametrize(
    "text",
    [
        # a "she" inside the speaker's own quotation says nothing about the speaker's gender
        ("Instead, Paul Kerr said, “she started as the favourite, and then it all went wrong for the party.” "
         "Later Kerr spoke again. “She has nothing left to prove,” he said."),
        ("John Mason told the crowd, “she never once visited the flooded towns in the valley.” Mason went on. "
         "“She will answer for it,” he said."),
        ("Anna Smith said, “he lied to every family in this town about the dam.” Smith did not stop there. "
         "“He must resign,” she said."),
    ],
)
def test_pronouns_inside_a_quotation_do_not_give_the_speaker_a_gender(text: str) -> None:
    first, second = attributed(text)
    assert first[0] is not None and second == first


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the sentence before is about "he"/"she" again: the person that pronoun stands for, followed back
        ("“We will not resign,” said Paul Kerr. Tom Reyes thanked his supporters on Saturday. And he predicted "
         "big wins in the races ahead. “Let's put this thing away,” he told the crowd.", "Tom Reyes"),
        ("“The road is closed,” Maria Lopez said. Anna Smith returned to her village on Monday. She found her "
         "house in ruins. “We have nothing left,” she said.", "Anna Smith"),
        ("“It was chaos,” said John Mason. David Brown reached the clinic at dawn. He stayed there for two days. "
         "“Nobody came to help us,” he said.", "David Brown"),
    ],
)
def test_a_pronoun_after_a_pronoun_subject_follows_it_back(text: str, expected: str) -> None:
    assert attributed(text)[-1][0] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # two subjects hung on one "said": the one right beside it speaks, not the clause before
        ('Couple global exposure with a "candidate who is a lightning rod" and residents get nervous, said Maria '
         'Lopez, director of the city council. "It was supposed to be a quiet week in town," she said.',
         "Maria Lopez"),
        ('A late start and a "crowd that never stopped growing" made the night hard, said John Mason, the '
         'organiser. "We ran out of water by ten," he said.', "John Mason"),
        ('Rising prices, a "government that does not listen" and the floods have worn people down, said Anna '
         'Smith, a local teacher. "Nobody trusts anyone now," she said.', "Anna Smith"),
    ],
)
def test_of_two_subjects_of_said_the_nearer_speaks(text: str, expected: str) -> None:
    assert attributed(text) == [(expected, None), (expected, None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a verb that reports speech only with its particle
        ("After the governor criticised her plan, Ana Ruiz shot back, “I suppose you would rather we did "
         "nothing at all.”", "Ana Ruiz"),
        ("Tom Reyes fired back on the radio: “The senator has never met a tax he did not like at all.”",
         "Tom Reyes"),
        ("“I could have stayed home and baked cookies all day,” Ana Ruiz shot back.", "Ana Ruiz"),
        ("Asked about the delay, the mayor weighed in: “We will open the bridge before the winter comes.”",
         "the mayor"),
        # negative: the same verb with something else after its particle is an act, not speech
        ("The crowd shot back at the police, and then “a long night of running battles” began in the square.",
         None),
    ],
)
def test_a_verb_with_its_speech_particle_reports_speech(text: str, expected: str | None) -> None:
    assert attributed(text)[0][0] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the subject set off by commas before the speech verb speaks, however the parser hung it
        ("Senator Lena Holm kept asking why the agency had waited. Mayor Ana Ruiz, exasperated, famously "
         "responded: “What difference at this point does it make to the families?”", "Ana Ruiz"),
        ("But Sen. Tom Reyes (D-Ohio), noting the size of the crowd, said, “This is a movement that will outlast "
         "all of us here.”", "Tom Reyes"),
        ("Pia Lund, tired after the long night, finally answered: “We did everything we could for them.”",
         "Pia Lund"),
    ],
)
def test_a_subject_set_off_before_the_speech_verb_speaks(text: str, expected: str) -> None:
    assert attributed(text) == [(expected, None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the sentence before the quotation is about no person: the one before it decides
        ("“The road is closed,” Maria Lopez said. Anna Smith was shocked by the crowd that night. A video of the "
         "rally shows the square packed with people. “I could not believe what I saw,” she said.", "Anna Smith"),
        ("“We will not resign,” said Paul Kerr. Tom Reyes visited the flooded villages on Monday. The water had "
         "reached the rooftops. “I have never seen anything like it,” he said.", "Tom Reyes"),
        ("“It was chaos,” said John Mason. David Brown reached the clinic at dawn. The corridors were full of the "
         "wounded. “Nobody came to help us,” he said.", "David Brown"),
        # negative: the person two sentences back is of the other gender; the last speaker goes on
        ("“It was chaos,” said John Mason. Maria Lopez reached the clinic at dawn. The corridors were full of the "
         "wounded. “Nobody came to help us,” he said.", "John Mason"),
    ],
)
def test_a_sentence_about_no_person_lets_the_one_before_it_decide(text: str, expected: str) -> None:
    assert attributed(text)[-1][0] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a surname with an apostrophe is a name, though the tagger calls it a common noun
        ("After Glenn Hale asked the guest who he thought would win, Dinesh D’Souza replied, “If I had to bet now, "
         "I would bet on her.” "
         "“We should never confuse who we want to win with who will win,” he added.", "Dinesh D’Souza"),
        ("Later, Michael O’Hanlon replied, “We will see what the voters decide in the autumn.”", "Michael O’Hanlon"),
        ("Ana N’Diaye spoke to the crowd. “We will rebuild every school in this town,” N’Diaye said.", "N’Diaye"),
    ],
)
def test_a_name_with_an_apostrophe_is_a_name(text: str, expected: str) -> None:
    assert attributed(text)[-1][0] == expected


def test_a_given_name_outweighs_a_pronoun_in_a_reported_clause() -> None:
    # "told reporters that she ...": that "she" is somebody else, not the speaker
    text = ("Maria Lopez, a nurse, was at the clinic that night. Tom Reyes, a local priest, told reporters that "
            "she was a regular at the chapel. He said her family wanted privacy. “We are praying for all of them,” "
            "he added.")
    assert attributed(text) == [("Tom Reyes", None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a participle on the verb's object in the parse: the verb's subject says it
        ("The senator emailed supporters saying: “We will fight on to the very last primary in June.”",
         "The senator"),
        ("Maria Lopez sent the families a letter saying “We will never forget what happened on that bridge.”",
         "Maria Lopez"),
        ("Tom Reyes posted a message on Twitter reading “Thank you to every voter who came out tonight!” "
         "moments after polls closed.", "Tom Reyes"),
        # a participle that opens its sentence goes on with the last speaker
        ("Later in the show, Tom Reyes stated that the report “was not good at all.” Adding, “It is what it is, "
         "and we move on from here.”", "Tom Reyes"),
        # an opening mark glued to "said,"
        ("Paul Kerr said,“Look, images like that have no place in a campaign for the presidency.”", "Paul Kerr"),
    ],
)
def test_participles_and_glued_marks_keep_the_speaker(text: str, expected: str) -> None:
    assert attributed(text)[-1][0] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("During their first debate, Ana Ruiz cracked, “The senator has never met a tax he did not like at all.”",
         "Ana Ruiz"),
        ("“We waited twenty years for a night like this one,” beamed Tom Reyes of Harbor Falls.", "Tom Reyes"),
        ("“It was the best night of my whole life,” gushed Maria Lopez after the concert.", "Maria Lopez"),
    ],
)
def test_manner_of_speech_verbs_introduce_quotations(text: str, expected: str) -> None:
    assert attributed(text) == [(expected, None)]
