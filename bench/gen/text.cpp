#include "text.hpp"

#include <array>
#include <vector>

namespace mentor::bench {

namespace {

using namespace std::string_view_literals;

constexpr std::array k_first_names = {
  "Alice"sv, "Aisha"sv, "Ana-María"sv, "Anders"sv, "Andrés"sv, "Anjali"sv, "Anna"sv, "Arjun"sv, "Astrid"sv,
  "Ayo"sv, "Beatriz"sv, "Ben"sv, "Björn"sv, "Bongani"sv, "Camille"sv, "Carmen"sv, "Chen"sv, "Chiamaka"sv,
  "Chloé"sv, "Ciarán"sv, "Daniel"sv, "Dávid"sv, "Deepa"sv, "Diego"sv, "Dmitri"sv, "Elena"sv, "Élodie"sv,
  "Emeka"sv, "Emma"sv, "Erik"sv, "Fatima"sv, "Fatoumata"sv, "Felipe"sv, "Fernando"sv, "Fiona"sv, "François"sv,
  "Freya"sv, "Gabriel"sv, "Grace"sv, "Greta"sv, "Hamza"sv, "Hana"sv, "Hannah"sv, "Harriet"sv, "Hiroshi"sv,
  "Ibrahim"sv, "Ines"sv, "Ingrid"sv, "Isabel"sv, "Ivan"sv, "Jakub"sv, "James"sv, "Javier"sv, "Jia"sv,
  "Joaquín"sv, "Johanna"sv, "José"sv, "Jun"sv, "Kamala"sv, "Karim"sv, "Katarzyna"sv, "Kemal"sv, "Kenji"sv,
  "Kwame"sv, "Lars"sv, "Leila"sv, "Lena"sv, "Liam"sv, "Lucía"sv, "Łukasz"sv, "Maëlle"sv, "Malik"sv,
  "Margit"sv, "María"sv, "Marek"sv, "Mateo"sv, "Maya"sv, "Mehmet"sv, "Mei"sv, "Miguel"sv, "Mohammed"sv,
  "Nadia"sv, "Naledi"sv, "Nia"sv, "Niamh"sv, "Nikolai"sv, "Noor"sv, "Olga"sv, "Oluwaseun"sv, "Omar"sv,
  "Oscar"sv, "Paloma"sv, "Pedro"sv, "Phil"sv, "Priya"sv, "Rafael"sv, "Rahul"sv, "Ravi"sv, "Renée"sv,
  "Rosa"sv, "Ruth"sv, "Saanvi"sv, "Sakura"sv, "Samir"sv, "Sara"sv, "Seo-yeon"sv, "Siobhán"sv, "Sofía"sv,
  "Søren"sv, "Sunita"sv, "Tanvir"sv, "Thandiwe"sv, "Tomasz"sv, "Tomás"sv, "Uma"sv, "Valentina"sv, "Wei"sv,
  "Xavier"sv, "Yara"sv, "Yusuf"sv, "Zainab"sv, "Zoë"sv,
};

constexpr std::array k_last_names = {
  "Abara"sv, "Adeyemi"sv, "Ahmed"sv, "Alvarez"sv, "Andersson"sv, "Baker"sv, "Banerjee"sv, "Bauer"sv,
  "Becker"sv, "Bergström"sv, "Bianchi"sv, "Brandt"sv, "Brennan"sv, "Byrne"sv, "Castillo"sv, "Chatterjee"sv,
  "Chen"sv, "Clarke"sv, "Costa"sv, "D'Angelo"sv, "Da Silva"sv, "de la Cruz"sv, "Dimitrov"sv, "Dubois"sv,
  "Dvořák"sv, "Edwards"sv, "Eriksen"sv, "Evans"sv, "Fernández"sv, "Ferreira"sv, "Fischer"sv, "Fitzgerald"sv,
  "García"sv, "Gómez"sv, "González"sv, "Gupta"sv, "Haddad"sv, "Hansen"sv, "Hassan"sv, "Heikkinen"sv,
  "Hernández"sv, "Horvát"sv, "Hughes"sv, "Ibrahim"sv, "Ivanova"sv, "Jansen"sv, "Jiménez"sv, "Johansson"sv,
  "Jones"sv, "Kaur"sv, "Kavanagh"sv, "Khan"sv, "Kim"sv, "Kowalski"sv, "Kumar"sv, "Larsen"sv, "Laurent"sv,
  "Lee"sv, "Lefèvre"sv, "Lindqvist"sv, "López"sv, "Mahlangu"sv, "Martin"sv, "Martínez"sv, "McCarthy"sv,
  "Mendes"sv, "Menon"sv, "Meyer"sv, "Mokoena"sv, "Moreau"sv, "Müller"sv, "Murphy"sv, "Nakamura"sv,
  "Ndlovu"sv, "Nguyễn"sv, "Nielsen"sv, "Novák"sv, "Núñez"sv, "O'Brien"sv, "O'Connor"sv, "Ødegaard"sv,
  "Okafor"sv, "Okonkwo"sv, "Olsen"sv, "Owusu"sv, "Papadopoulos"sv, "Patel"sv, "Pereira"sv, "Petrović"sv,
  "Quinn"sv, "Rahman"sv, "Ramírez"sv, "Reddy"sv, "Ricci"sv, "Rodríguez"sv, "Romano"sv, "Rossi"sv,
  "Rumens"sv, "Saito"sv, "Santos"sv, "Schmidt"sv, "Schneider"sv, "Shah"sv, "Silva"sv, "Singh"sv,
  "Smith"sv, "Sørensen"sv, "Suzuki"sv, "Svensson"sv, "Tanaka"sv, "Taylor"sv, "Thompson"sv, "Tran"sv,
  "van der Berg"sv, "Varga"sv, "Venkataraman"sv, "Wagner"sv, "Walsh"sv, "Wang"sv, "Weber"sv,
  "Wiśniewski"sv, "Wójcik"sv, "Yamamoto"sv, "Yılmaz"sv, "Zhang"sv, "Zielińska"sv,
};

constexpr std::array k_native_names = {
  NativeName{"张伟", "zhang-wei"},           NativeName{"李娜", "li-na"},
  NativeName{"田中 さくら", "tanaka-sakura"}, NativeName{"김민준", "kim-min-jun"},
  NativeName{"Γιώργος Παπαδόπουλος", "giorgos-papadopoulos"},
  NativeName{"Сергей Иванов", "sergei-ivanov"}, NativeName{"أمينة الحسن", "amina-al-hassan"},
  NativeName{"राहुल शर्मा", "rahul-sharma"},
};

constexpr std::array k_organisations = {
  "City Library"sv, "Bright Path Learning"sv, "Northwind Health Trust"sv, "Acme Logistics Ltd."sv,
  "Smith & Sons"sv, "Café Olé Cooperative"sv, "Zürich Rück"sv, "Greenfield Primary School"sv,
  "Harbour Housing Association"sv, "Orbital Dynamics"sv, "Blue Fern Studio"sv, "Kestrel Capital"sv,
  "Riverside Council"sv, "Open Source Collective"sv, "Department of Transport"sv, "St Mary's Hospice"sv,
  "Lumen Analytics"sv, "Polar Bear Games"sv, "Hatch: Social Enterprise Hub"sv, "The Workshop #3"sv,
  "Northern Rail Partnership"sv, "Meridian Bank"sv, "Atelier Lefèvre"sv, "Nordic Timber AB"sv,
  "Sunrise Care Homes"sv, "University of Eastbridge"sv, "Lagos Fintech Labs"sv, "Pune Software Works"sv,
  "Red Kite Theatre"sv, "Maple & Oak Consulting"sv, "Quantum Leap Robotics"sv, "Fairtrade Foods"sv,
  "Seaside Surf School"sv, "Crown Court Service"sv, "Hope Street Food Bank"sv, "Vértice Arquitectos"sv,
  "Mountain Rescue Team"sv, "GreenGrid Energy"sv, "Little Acorns Nursery"sv, "Metro Police"sv,
  "\"The Agency\""sv, "50/50 Partners"sv, "Yes Please Ltd"sv, "Kyōto Design Office"sv, "Ørsted Wind"sv,
};

constexpr std::array k_roles = {
  "Team lead"sv, "Head of operations"sv, "Senior engineer"sv, "Engineering manager"sv, "Head teacher"sv,
  "Ward manager"sv, "Finance director"sv, "Co-founder and COO"sv, "Chief executive"sv, "Product manager"sv,
  "Research fellow"sv, "Clinical lead"sv, "Head of people"sv, "Programme director"sv, "Designer"sv,
  "Data scientist"sv, "Partner"sv, "Associate"sv, "Volunteer coordinator"sv, "Station manager"sv,
  "Deputy head"sv, "Operations analyst"sv, "Founder"sv, "Executive coach"sv, "Coach supervisor"sv,
  "Graduate trainee"sv, "Staff nurse"sv, "Site manager"sv, "Head of research: Europe"sv, "CTO"sv,
};

constexpr std::array k_tags = {
  "new-manager"sv, "founder"sv, "startup"sv, "nhs"sv, "education"sv, "public-sector"sv, "charity"sv,
  "tech"sv, "finance"sv, "first-time-leader"sv, "returner"sv, "graduate"sv, "senior"sv, "board"sv,
  "scheme-2019"sv, "scheme-2023"sv, "women-in-leadership"sv, "pro-bono"sv, "referral"sv, "remote"sv,
  "bilingual"sv, "career-change"sv, "high-potential"sv, "sponsor-funded"sv, "alumni"sv,
};

constexpr std::array k_topics = {
  "delegation"sv, "influence"sv, "stakeholders"sv, "feedback"sv, "conflict"sv, "confidence"sv, "career"sv,
  "promotion"sv, "time-management"sv, "prioritising"sv, "boundaries"sv, "burnout"sv, "wellbeing"sv,
  "leadership"sv, "strategy"sv, "hiring"sv, "performance"sv, "presence"sv, "public-speaking"sv,
  "negotiation"sv, "transitions"sv, "return-to-work"sv, "impostor-syndrome"sv, "team-building"sv, "change"sv,
  "difficult-conversations"sv, "decision-making"sv, "values"sv, "purpose"sv, "networking"sv, "visibility"sv,
  "managing-up"sv, "first-90-days"sv, "resilience"sv, "work-life"sv, "communication"sv, "coaching-skills"sv,
  "mentoring-others"sv, "ethics"sv, "contracting"sv, "endings"sv, "case-work"sv, "reflection"sv,
  "self-care"sv, "capacity"sv, "budget"sv, "board"sv, "remote-work"sv, "culture"sv, "inclusion"sv,
  "succession"sv, "learning"sv, "writing"sv, "funding"sv, "roadmap"sv, "équipe"sv, "1:1s"sv, "OKRs"sv,
  "why?"sv, "yes-saying"sv,
};

constexpr std::array k_goal_titles = {
  "Chair team meetings confidently"sv, "Delegate the weekly reporting"sv, "Prepare for the promotion panel"sv,
  "Build a relationship with the new director"sv, "Say no to work outside the role"sv,
  "Hand over the on-call rota"sv, "Present the strategy to the board"sv, "Find a sponsor in the wider org"sv,
  "Settle into the new role within 90 days"sv, "Decide: stay, move or go freelance"sv,
  "Have the conversation with the underperformer"sv, "Cut working hours back to 45 a week"sv,
  "Hire two senior engineers"sv, "Write and publish the first paper"sv, "Land the funding round"sv,
  "Get comfortable with silence in sessions"sv, "Build a supervision practice"sv,
  "Return to work after parental leave"sv, "Lead the merger of the two teams"sv,
  "Speak at one external conference"sv, "Give feedback within a week, not a quarter"sv,
  "Stop rescuing the team"sv, "Make the case for a four-day week"sv, "Learn the budget cycle"sv,
};

constexpr std::array k_measures = {
  "Chairs 4 of the next 6 meetings"sv, "Reports go out without her for a month"sv,
  "Panel booked and prepared with two mock interviews"sv, "Monthly 1:1 with the director in the diary"sv,
  "Fewer than 2 out-of-role requests accepted a month"sv, "Rota runs for 8 weeks without escalation"sv,
  "Board paper approved"sv, "Named sponsor who speaks for him in calibration"sv,
  "Own assessment at day 90: 7/10 or better"sv, "A written decision by the end of the quarter"sv,
  "Conversation held; plan agreed in writing"sv, "Timesheets under 45h for 6 weeks"sv,
  "Two offers accepted"sv, "Paper submitted"sv, "Term sheet signed"sv, "Supervisor's feedback"sv,
  "Full week back without overtime"sv, "One team, one plan, one budget"sv,
};

constexpr std::array k_action_texts = {
  "Draft an agenda for Tuesday"sv, "Book a 1:1 with the director"sv, "List what only she can do; delegate the rest"sv,
  "Write the promotion case, one page"sv, "Ask three peers for feedback"sv, "Try the 2-minute check-in at stand-up"sv,
  "Block Friday afternoons for deep work"sv, "Map the stakeholders: power vs interest"sv,
  "Say no to one request this week and notice how it feels"sv, "Read \"The Making of a Manager\", ch. 3"sv,
  "Send the board paper to the chair for comments"sv, "Rehearse the opening of the talk twice"sv,
  "Keep a log of interruptions for a week"sv, "Talk to HR about the four-day week: policy?"sv,
  "Set up the hiring panel"sv, "Write down three values and one example of each"sv,
  "Agree a handover date with the team"sv, "Ask the sponsor for the mid-point three-way"sv,
  "Journal after each difficult conversation"sv, "Find one mentor outside the organisation"sv,
  "Take the full lunch break: 5 days out of 5"sv, "Bring two examples of rescuing to supervision"sv,
  "Share the draft roadmap with the team, #feedback welcome"sv, "Check the budget: what's left for Q4?"sv,
  "Call Zoë about the secondment"sv, "Plan the ending session"sv,
};

constexpr std::array k_outcomes = {
  "Promoted to head of service; goals met"sv, "Moved on to a new role elsewhere"sv,
  "Goals met; agreed to end early"sv, "Sponsor ended the programme: budget cut"sv,
  "Drifted: no reply after two reminders"sv, "Completed the 6-session contract"sv,
  "Referred on to a therapist, with consent"sv, "Left the scheme at the end of the cohort"sv,
  "Started her own practice — good ending"sv, "Paused for parental leave, did not resume"sv,
  "Outcome: mixed. Confidence up, delegation still hard"sv,
};

constexpr std::array k_person_notes = {
  "Prefers video calls, early mornings (before 9)."sv, "Referred by the scheme coordinator."sv,
  "Tuesdays only; never school holidays."sv, "Dyslexic: send notes as audio if possible."sv,
  "Works part-time (Mon–Wed)."sv, "Time zone: UTC+2 in summer."sv, "Met at the 2019 leadership course."sv,
  "Likes a written summary after each session."sv, "Previous coach: J. (2018–2019), ended well."sv,
  "Uses they/them."sv, "Emails go to the personal address, not work."sv,
  "Hates \"homework\"; call them experiments."sv,
};

constexpr std::array k_pairing_comments = {
  "# Referred by HR; budget approved for 6 sessions."sv, "# Three-way contract signed with the sponsor."sv,
  "# Scheme cohort: spring intake."sv, "# Moved from the old spreadsheet, sessions before 2018 are approximate."sv,
  "# Video only (Zoom link in the calendar invite)."sv, "# Reciprocal: we swap roles every other month."sv,
  "# Confidential: do not share these notes with the sponsor."sv,
  "# Supervision: cases are discussed by pseudonym only."sv,
};

constexpr std::array k_session_comments = {
  "# moved to video from here on"sv, "# rescheduled twice; counts as one session"sv,
  "# notes typed up from the paper notebook"sv, "# sponsor joined for the last 20 minutes"sv,
  "# TODO: check the date against the invoice"sv, "# in person, at their office"sv,
};

constexpr std::array k_locations = {
  "Zoom"sv, "Teams"sv, "phone"sv, "their office"sv, "café on Hope Street"sv, "walk in the park"sv, "room 4.12"sv,
};

constexpr std::array k_sentences = {
  "Mapped {name}'s stakeholders; biggest worry is the Tuesday meeting with {peer}."sv,
  "{name} arrived tired after a week of firefighting at {org}."sv,
  "Talked through the draft of the {topic} plan and what is missing from it."sv,
  "We looked at what {name} wants from the next twelve months, not just the next review."sv,
  "Noticed that {name} says \"I should\" a lot when talking about {topic}."sv,
  "Good energy today. The experiment with the 2-minute check-in worked twice out of three."sv,
  "{peer} has been promoted over {name}; a lot of feeling about that, and some relief."sv,
  "Explored the pattern: taking on the work rather than delegating it, then resenting it."sv,
  "Role-played the conversation with {peer}. Second run was much calmer."sv,
  "Budget for next year is still unknown, which makes every {topic} decision feel provisional."sv,
  "Reviewed the goals: one nearly achieved, one stuck, one no longer relevant."sv,
  "{name} wants to be seen as strategic but spends 80% of the week in operational detail."sv,
  "Asked what would be different if the {topic} problem were solved tomorrow; long silence, then clarity."sv,
  "Agreed to try a weekly review on Fridays and bring what comes of it next time."sv,
  "Feedback from the 360 was harder than expected; we spent the session on what to do with it."sv,
  "The reorg at {org} is announced for next month and nobody knows where the team lands."sv,
  "Worked on the opening two minutes of the board presentation."sv,
  "Celebrated: the hire went through and the team is finally at full strength."sv,
  "{name} is thinking about leaving {org}; explored what staying would need to look like."sv,
  "Spent time on boundaries: evenings, weekends, and the WhatsApp group."sv,
  "A quieter session; {name} needed space more than ideas, and that was fine."sv,
  "Looked back at the first session's notes — striking how much has moved."sv,
  "We disagreed about whether the deadline is real. Named it, left it open."sv,
  "Practised saying no to {peer} without apologising three times."sv,
  "{name} chaired the meeting and it went well; the agenda helped more than expected."sv,
  "Talked about impostor feelings at the leadership offsite; they were not alone in the room."sv,
  "Set up the three-way with the sponsor for next month; {name} wants to lead it."sv,
  "Cancelled at short notice last time, so we started with a recap of the last six weeks."sv,
  "{topic} came up again; third session in a row, so we made it the main thread."sv,
  "Discussed the offer from a competitor: more money, less meaning?"sv,
  "Half the session on a crisis with a client, half on the plan for the quarter."sv,
  "{name} noticed the urge to rescue the team and held back; the team coped."sv,
  "Explored values: fairness keeps coming up, especially around {topic}."sv,
  "We used the wheel exercise; work 8/10, health 4/10, friends 5/10."sv,
  "Asked {name} to rate confidence in the new role: 6/10, up from 3/10 in spring."sv,
  "Agreed the ending: two more sessions, then a review three months later."sv,
  "Returned from leave; easing back in, and the team has changed a lot."sv,
  "Looked at the calendar together: 31 hours of meetings last week, 4 of them useful."sv,
  "{name} brought a difficult email from {peer}; we drafted a reply that is kind and firm."sv,
  "Contracted again for the next phase; cadence stays the same."sv,
  "Supervision question for me: am I colluding with the avoidance? Take it to supervision."sv,
  "Ran out of time before the actions; sent them by email afterwards."sv,
  "The promotion panel is confirmed for next month; we planned the preparation backwards from it."sv,
  "Long discussion about working across time zones with the team in {org}'s other office."sv,
  "{name}'s manager wants a summary; agreed what goes in it and what stays between us."sv,
  "Great news: the paper was accepted. We talked about how to mark wins rather than moving on."sv,
  "Explored the career map: three possible next roles, pros and cons for each."sv,
  "A lot of anger about the restructure; we let it be there before looking at options."sv,
  "{name} reflected that the \"quick favours\" for {peer} add up to a day a week."sv,
  "Noted a change in tone: more \"I decided\" and fewer \"they made me\"."sv,
};

constexpr std::array k_hostile_openings = {
  "\"Stop saying yes to everything,\" {name} said, half joking. "sv,
  "- agreed: no more 7am calls. "sv,
  "Key insight: {name} avoids conflict #pattern. "sv,
  "[draft] plan for Q3 — {topic} first. "sv,
  "@{peer} to be looped in; 100% on board? "sv,
  "% of the week on firefighting: about 60. "sv,
  "*Big* week: the promotion came through! "sv,
  "!important — revisit the budget before anything else. "sv,
  "&then there's the reorg. "sv,
  "'{topic}' again: the third session running. "sv,
  "? what does {name} actually want ? "sv,
  "yes "sv,
  "{name}'s plan: three steps, one owner each. "sv,
  "> quoted from the 360: \"needs to delegate more\". "sv,
  "2026-02-30 was written in the invite (no such day). "sv,
  "Tab\tseparated list from the notebook: wins\tworries\tnext. "sv,
  "C:\\Users\\{name}\\Desktop is where the plan lives, apparently. "sv,
  "| not a block, just a bar. "sv,
  "{ braces } and ~ tildes from the whiteboard photo. "sv,
};

constexpr std::array k_tricky_lines = {
  "# not a comment: the heading she wrote on the flipchart"sv,
  "- first bullet from the flipchart"sv,
  "key: value, as {name} put it"sv,
  "  indented: a quote from {peer}"sv,
  "---"sv,
  "..."sv,
  "sessions: (this line is text, not a key)"sv,
  "Emoji from the chat: 🙂 👍 ✨"sv,
  "Ünïcödé everywhere — “curly quotes” and ‘single ones’ → arrows"sv,
};

constexpr std::array k_months = {
  "January"sv, "February"sv, "March"sv, "April"sv, "May"sv, "June"sv,
  "July"sv, "August"sv, "September"sv, "October"sv, "November"sv, "December"sv,
};

} // namespace

namespace pool {
const std::span<const std::string_view> first_names = k_first_names;
const std::span<const std::string_view> last_names = k_last_names;
const std::span<const std::string_view> organisations = k_organisations;
const std::span<const std::string_view> roles = k_roles;
const std::span<const std::string_view> tags = k_tags;
const std::span<const std::string_view> topics = k_topics;
const std::span<const std::string_view> goal_titles = k_goal_titles;
const std::span<const std::string_view> measures = k_measures;
const std::span<const std::string_view> action_texts = k_action_texts;
const std::span<const std::string_view> outcomes = k_outcomes;
const std::span<const std::string_view> person_notes = k_person_notes;
const std::span<const std::string_view> pairing_comments = k_pairing_comments;
const std::span<const std::string_view> session_comments = k_session_comments;
const std::span<const std::string_view> locations = k_locations;
} // namespace pool

std::span<const NativeName> native_names()
{
  return k_native_names;
}

std::string fill(Rng& rng, std::string_view text, const NoteContext& context)
{
  std::string out;
  out.reserve(text.size() + 32);
  std::size_t at = 0;
  while (at < text.size()) {
    const auto open = text.find('{', at);
    const auto close = open == std::string_view::npos ? open : text.find('}', open);
    if (close == std::string_view::npos) {
      out += text.substr(at);
      break;
    }
    out += text.substr(at, open - at);
    const auto key = text.substr(open + 1, close - open - 1);
    if (key == "name") {
      out += context.name;
    } else if (key == "peer") {
      out += context.peer;
    } else if (key == "org") {
      out += context.org;
    } else if (key == "topic") {
      out += context.topic;
    } else if (key == "month") {
      out += rng.pick(std::span<const std::string_view>(k_months));
    } else {
      out += text.substr(open, close - open + 1);  // not a placeholder: "{ braces }"
    }
    at = close + 1;
  }
  return out;
}

std::string session_notes(Rng& rng, const NoteContext& context, std::size_t target, int lines, bool hostile)
{
  std::string text;
  if (hostile) {
    text = fill(rng, rng.pick(std::span<const std::string_view>(k_hostile_openings)), context);
  }
  // Sentences until the target length; line breaks replace the spaces at
  // the sentence boundaries nearest to equal shares of the text.
  std::vector<std::size_t> boundaries;
  while (text.size() < target) {
    if (!text.empty() && text.back() != ' ') {
      boundaries.push_back(text.size());
      text += ' ';
    }
    // Not the same sentence twice in one note.
    std::string sentence;
    for (int attempt = 0; attempt < 4 && (sentence.empty() || text.find(sentence) != std::string::npos); ++attempt) {
      sentence = fill(rng, rng.pick(std::span<const std::string_view>(k_sentences)), context);
    }
    text += sentence;
  }
  while (!text.empty() && text.back() == ' ') {
    text.pop_back();
  }
  for (int line = 1; line < lines && !boundaries.empty(); ++line) {
    const auto want = text.size() * static_cast<std::size_t>(line) / static_cast<std::size_t>(lines);
    std::size_t best = 0;
    for (std::size_t i = 1; i < boundaries.size(); ++i) {
      const auto distance = [&](std::size_t b) { return b > want ? b - want : want - b; };
      if (distance(boundaries[i]) < distance(boundaries[best])) {
        best = i;
      }
    }
    text[boundaries[best]] = '\n';
    boundaries.erase(boundaries.begin() + static_cast<std::ptrdiff_t>(best));
  }
  return text;
}

std::string tricky_block_notes(Rng& rng, const NoteContext& context)
{
  std::string text = fill(rng, rng.pick(std::span<const std::string_view>(k_sentences)), context);
  const int count = static_cast<int>(rng.between(2, 4));
  for (int i = 0; i < count; ++i) {
    text += '\n';
    if (rng.chance(0.2)) {
      text += '\n';  // a blank line between paragraphs
    }
    text += fill(rng, rng.pick(std::span<const std::string_view>(k_tricky_lines)), context);
  }
  text += '\n';
  text += fill(rng, rng.pick(std::span<const std::string_view>(k_sentences)), context);
  return text;
}

} // namespace mentor::bench
