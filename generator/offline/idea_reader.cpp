// Promptotype — reading an idea: words, domain lexicon, features, quoted labels, device.
//
// [SECTION] Text helpers
// [SECTION] Domain lexicon
// [SECTION] Feature and device lexicons
// [SECTION] Quoted labels
// [SECTION] Entities from the idea
// [SECTION] readIdea

#include "generator/offline/draft_patterns.h"
#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <map>
#include <regex>

namespace pt {
namespace draft {

//-----------------------------------------------------------------------------
// [SECTION] Text helpers
//-----------------------------------------------------------------------------

std::string isoDay(int offset) {
    std::tm t{};
    t.tm_year = 2026 - 1900;
    t.tm_mon = 4;
    t.tm_mday = 14 + offset;
    t.tm_hour = 12;
    std::mktime(&t);  // normalises the day overflow into month/year
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", t.tm_year + 1900, t.tm_mon + 1, t.tm_mday);
    return buf;
}

namespace {

bool endsWith(const std::string& s, std::string_view tail) {
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

// Words that do not change (or are not count nouns) and irregular plurals.
const std::map<std::string, std::string, std::less<>>& irregularPlurals() {
    static const std::map<std::string, std::string, std::less<>> m = {
        {"person", "people"}, {"child", "children"}, {"man", "men"}, {"woman", "women"}, {"mouse", "mice"},
        {"foot", "feet"}, {"tooth", "teeth"}, {"goose", "geese"}, {"species", "species"}, {"news", "news"},
        {"series", "series"}, {"data", "data"}, {"analytics", "analytics"}, {"fish", "fish"}, {"sheep", "sheep"},
        {"settings", "settings"}, {"status", "statuses"}, {"bus", "buses"}, {"quiz", "quizzes"}, {"hero", "heroes"},
        {"potato", "potatoes"}, {"tomato", "tomatoes"}, {"leaf", "leaves"}, {"knife", "knives"}, {"life", "lives"},
        {"wolf", "wolves"}, {"shelf", "shelves"}, {"thesis", "theses"}, {"analysis", "analyses"}, {"crisis", "crises"}};
    return m;
}

} // namespace

std::string singularOf(const std::string& w) {
    for (auto& [one, many] : irregularPlurals())
        if (w == many) return one;
    if (w.size() <= 3 || endsWith(w, "ss") || endsWith(w, "us") || endsWith(w, "is") || endsWith(w, "ics")) return w;
    if (endsWith(w, "ies")) return w.substr(0, w.size() - 3) + "y";
    if (endsWith(w, "ches") || endsWith(w, "shes") || endsWith(w, "xes") || endsWith(w, "sses") || endsWith(w, "zzes"))
        return w.substr(0, w.size() - 2);
    if (endsWith(w, "s")) return w.substr(0, w.size() - 1);
    return w;
}

std::string pluralOf(const std::string& phrase) {
    // Only the last word of a phrase changes ("stock item" -> "stock items").
    size_t space = phrase.rfind(' ');
    std::string head = space == std::string::npos ? "" : phrase.substr(0, space + 1);
    std::string w = space == std::string::npos ? phrase : phrase.substr(space + 1);
    if (auto it = irregularPlurals().find(w); it != irregularPlurals().end()) return head + it->second;
    for (auto& [one, many] : irregularPlurals())
        if (w == many) return head + w;
    if (w.empty()) return phrase;
    auto vowel = [](char c) { return std::strchr("aeiou", c) != nullptr; };
    if (endsWith(w, "y") && w.size() > 1 && !vowel(w[w.size() - 2])) return head + w.substr(0, w.size() - 1) + "ies";
    if (endsWith(w, "s") || endsWith(w, "x") || endsWith(w, "ch") || endsWith(w, "sh") || endsWith(w, "z")) return head + w + "es";
    return head + w + "s";
}

std::string capitalized(std::string_view text) {
    std::string s(text);
    if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
    return s;
}

std::string titleCased(std::string_view text) {
    std::string s(text);
    bool start = true;
    for (char& c : s) {
        if (start && c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
        start = c == ' ' || c == '-';
    }
    return s;
}

std::string camelKey(std::string_view text) {
    std::string out;
    bool upper = false;
    for (char c : text) {
        bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        if (!alnum) { upper = !out.empty(); continue; }
        if (out.empty() && c >= '0' && c <= '9') out += 'n';
        if (upper && c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
        if (!upper && out.empty() && c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        out += c;
        upper = false;
    }
    return out.empty() ? "item" : out.substr(0, 40);
}

std::string safeText(std::string_view in, size_t maxBytes) {
    // Keeps well-formed UTF-8 only (the JSON writer throws on anything else) and drops control characters.
    std::string out;
    out.reserve(std::min(in.size(), maxBytes));
    for (size_t i = 0; i < in.size() && out.size() < maxBytes;) {
        unsigned char c = static_cast<unsigned char>(in[i]);
        size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        bool ok = len > 0 && i + len <= in.size();
        for (size_t k = 1; ok && k < len; ++k) ok = (static_cast<unsigned char>(in[i + k]) & 0xC0) == 0x80;
        if (ok && len == 2 && c < 0xC2) ok = false;   // overlong
        if (!ok) { ++i; continue; }
        if (len == 1 && (c < 0x20 || c == 0x7F)) {
            if (!out.empty() && out.back() != ' ') out += ' ';
        } else if (out.size() + len <= maxBytes) {
            out.append(in.substr(i, len));
        } else {
            break;
        }
        i += len;
    }
    // "${" would start an expression inside any prop that shows this text.
    for (size_t p; (p = out.find("${")) != std::string::npos;) out.replace(p, 2, "$ {");
    size_t b = out.find_first_not_of(' '), e = out.find_last_not_of(' ');
    return b == std::string::npos ? "" : out.substr(b, e - b + 1);
}

std::string exprString(std::string_view text) {
    std::string out = "'";
    for (char c : text) {
        if (c == '\'' || c == '\\') out += '\\';
        out += c;
    }
    return out + "'";
}

//-----------------------------------------------------------------------------
// [SECTION] Domain lexicon
//-----------------------------------------------------------------------------
// One entry per kind of app. `triggers` are singular words that point at the domain; "=word" also names
// the entity after the idea's own word ("chore" instead of "task"). `fields` is "key|Label|kind|A/B/C;..."
// (first field = the row title). `rows` is a JSON array of rows in field order; "@+3" / "@-2" are days
// from the simulated now.

namespace {

struct DomainDef {
    const char* key;
    const char* triggers;
    const char* name;
    const char* preset;
    const char* brand;
    const char* features;   // features the domain implies
    const char* device;     // "" = from the idea's words
    const char* singular;
    const char* icon;
    const char* fields;
    const char* rows;
};

const DomainDef kDomains[] = {
    {"habits", "habit streak routine", "Streaks", "calm", "#10B981", "reminders charts", "", "habit", "check-square-o",
     "name|Habit|text;area|Area|choice|Health/Mind/Learning/Home;goal|Goal|text;time|Reminder|time;streak|Streak (days)|number;done|Done today|bool",
     R"([["Morning run","Health","3 km before breakfast","07:00",12,true],["Read 20 pages","Learning","Now reading: Piranesi","21:30",9,false],
        ["Drink 2 L of water","Health","8 glasses a day","09:00",5,true],["Meditate 10 minutes","Mind","Guided breathing","07:30",17,false],
        ["Tidy the kitchen","Home","Before bed","22:00",3,false]])"},
    {"tasks", "task todo to-do checklist =chore =errand", "Checkmark", "playful", "#F97316", "", "", "task", "check-circle-o",
     "title|Task|text;status|Status|choice|To do/In progress/Done;assignee|Assignee|text;due|Due|date;priority|Priority|choice|Low/Medium/High;notes|Notes|longtext",
     R"([["Redesign onboarding screens","In progress","Ava Thompson","@+1","High","Cut the flow from 5 steps to 3."],
        ["Write release notes for 3.8","To do","Diego Ramos","@+2","Medium","Highlight offline mode and the new search."],
        ["Fix crash when uploading photos","Done","Liam Okafor","@-3","High","Convert HEIC to JPEG before upload."],
        ["Plan the team offsite","To do","Mei Tanaka","@+9","Low","Two days in Lisbon, 12 people."],
        ["Review pricing page copy","In progress","Zara Ahmed","@+3","Medium","Marketing wants a simpler plan table."]])"},
    {"projects", "project milestone sprint roadmap initiative", "Milestone", "corporate", "#6366F1", "charts", "", "project", "folder-open-o",
     "name|Project|text;owner|Owner|text;status|Status|choice|Planning/Active/On hold/Done;due|Due date|date;budget|Budget|money;progress|Progress (%)|number",
     R"([["Website relaunch","Ava Thompson","Active","@+21",48000,62],["Mobile app 2.0","Liam Okafor","Planning","@+60",120000,15],
        ["Data warehouse migration","Mei Tanaka","Active","@+35",65000,40],["Customer portal","Diego Ramos","On hold","@+90",30000,22],
        ["Q2 brand campaign","Zara Ahmed","Done","@-10",18000,100]])"},
    {"expenses", "expense spending budget receipt =transaction finance money overspend", "Pennywise", "calm", "#0EA5E9", "charts", "", "expense", "credit-card",
     "title|Expense|text;category|Category|choice|Groceries/Dining/Transport/Rent/Fun;amount|Amount|money;date|Date|date;paidWith|Paid with|choice|Card/Cash/Transfer",
     R"([["Whole Foods Market","Groceries",86.4,"@0","Card"],["Sushi with Maya","Dining",54.2,"@-1","Card"],
        ["Monthly metro pass","Transport",99,"@-3","Transfer"],["May rent","Rent",1850,"@-13","Transfer"],
        ["Concert tickets","Fun",120,"@-5","Card"],["Trader Joe's","Groceries",42.75,"@-6","Cash"]])"},
    {"recipes", "recipe cooking cook meal dish pantry ingredient lasagna dinner", "Simmer", "warm", "#E11D48", "search", "", "recipe", "cutlery",
     "name|Recipe|text;cuisine|Cuisine|choice|Italian/Thai/Mexican/Indian/Japanese;time|Cook time (min)|number;difficulty|Difficulty|choice|Easy/Medium/Hard;rating|Rating|rating;ingredients|Ingredients|longtext",
     R"([["Classic lasagna","Italian",75,"Medium",5,"Pasta sheets, ricotta, mozzarella, beef ragù, basil"],
        ["Green curry with tofu","Thai",30,"Easy",4,"Tofu, coconut milk, green curry paste, Thai basil, rice"],
        ["Chicken tinga tacos","Mexican",40,"Easy",5,"Chicken thighs, chipotle, onion, corn tortillas, lime"],
        ["Chana masala","Indian",35,"Easy",4,"Chickpeas, tomatoes, garam masala, ginger, cilantro"],
        ["Salmon teriyaki bowl","Japanese",25,"Medium",5,"Salmon, soy, mirin, sushi rice, cucumber, sesame"]])"},
    {"workouts", "workout fitness gym exercise training run running lift strength yoga step calorie", "Repcount", "vivid", "#EF4444", "charts", "", "workout", "heartbeat",
     "name|Workout|text;type|Type|choice|Strength/Cardio/Mobility/HIIT;duration|Duration (min)|number;date|Date|date;calories|Calories|number;notes|Notes|longtext",
     R"([["Morning run","Cardio",32,"@0",310,"5 km along the river, easy pace"],["Push day","Strength",55,"@-1",420,"Bench 3x8 at 70 kg, new PR"],
        ["Evening yoga","Mobility",40,"@-2",180,"Hip openers and a long savasana"],["Gym session","Strength",60,"@-3",450,"Squats 5x5, deadlifts 3x5"],
        ["Tabata sprints","HIIT",20,"@-5",260,"8 rounds, bike intervals"]])"},
    {"books", "reading novel author bookshelf library goodreads", "Shelfie", "warm", "#B45309", "charts", "", "book", "book",
     "title|Book|text;author|Author|text;status|Shelf|choice|Want to read/Reading/Finished;rating|Rating|rating;pages|Pages|number;started|Started|date",
     R"([["Piranesi","Susanna Clarke","Reading",5,272,"@-6"],["Tomorrow, and Tomorrow, and Tomorrow","Gabrielle Zevin","Finished",5,416,"@-40"],
        ["Project Hail Mary","Andy Weir","Want to read",4,496,"@0"],["The Overstory","Richard Powers","Finished",4,502,"@-90"],
        ["Sea of Tranquility","Emily St. John Mandel","Want to read",4,255,"@0"]])"},
    {"travel", "trip travel itinerary vacation holiday journey adventure getaway paris", "Wayfarer", "vivid", "#0891B2", "", "", "trip", "plane",
     "destination|Destination|text;start|Starts|date;nights|Nights|number;budget|Budget|money;status|Status|choice|Planning/Booked/Completed;notes|Plan|longtext",
     R"([["Paris Adventure","@+12",3,2400,"Booked","Day 1: Eiffel Tower · Day 2: Louvre · Day 3: Montmartre"],
        ["Lisbon long weekend","@+40",4,1600,"Planning","Alfama, Belém tarts, day trip to Sintra"],
        ["Tokyo in cherry season","@+300",9,5200,"Planning","Shinjuku, Kyoto by Shinkansen, Nara deer park"],
        ["Yosemite camping","@-30",3,650,"Completed","Half Dome trail, Glacier Point sunset"],
        ["Mexico City food tour","@+75",5,1900,"Booked","Tacos al pastor, Frida Kahlo museum, Xochimilco"]])"},
    {"events", "event concert festival ticket ticketing meetup conference venue seat gig show cinema movie", "Showtime", "vivid", "#DB2777", "booking", "", "event", "ticket",
     "name|Event|text;venue|Venue|text;date|Date|date;price|Price|money;category|Category|choice|Music/Tech/Comedy/Sports;seats|Seats left|number",
     R"([["Arctic Monkeys live","The Fillmore","@+9",89,"Music",42],["React Summit","Moscone West","@+21",349,"Tech",120],
        ["Ali Wong: stand-up","Orpheum Theatre","@+5",65,"Comedy",18],["Warriors vs Lakers","Chase Center","@+3",140,"Sports",230],
        ["Jazz in the Park","Golden Gate Bandshell","@+16",0,"Music",500]])"},
    {"salon", "salon haircut barber spa nail massage stylist beauty manicure", "Glow Studio", "playful", "#DB2777", "booking", "", "appointment", "scissors",
     "service|Service|text;stylist|Stylist|text;date|Date|date;time|Time|time;price|Price|money;status|Status|choice|Confirmed/Pending/Completed",
     R"([["Haircut & blow-dry","Sofia Marin","@+2","10:30",65,"Confirmed"],["Balayage","Chloe Park","@+9","13:00",180,"Pending"],
        ["Gel manicure","Nadia Rahman","@-6","16:00",40,"Completed"],["Deep tissue massage","Marco Silva","@+4","18:30",95,"Confirmed"],
        ["Beard trim","Leo Brooks","@-20","12:00",25,"Completed"]])"},
    {"clinic", "clinic doctor dentist appointment patient medical physician checkup therapist insurance", "Harbor Health", "corporate", "#0D9488", "booking", "", "appointment", "stethoscope",
     "service|Visit|text;doctor|Doctor|text;date|Date|date;time|Time|time;status|Status|choice|Confirmed/Pending/Completed;notes|Reason|longtext",
     R"([["General consultation","Dr. Amara Osei","@+2","09:30","Confirmed","Persistent cough for two weeks"],
        ["Skin check","Dr. Lucas Meyer","@+8","14:00","Pending","Annual mole check"],
        ["Dental cleaning","Dr. Hana Sato","@-12","11:00","Completed","Six-month cleaning"],
        ["Physiotherapy","Hannah Brooks, PT","@+5","16:30","Confirmed","Lower back pain after running"],
        ["Flu vaccination","Nurse team","@-30","08:30","Completed","Seasonal flu shot"]])"},
    {"patients", "patient ward nurse hospital chart vitals", "CareBoard", "corporate", "#0EA5E9", "", "desktop", "patient", "user",
     "name|Patient|text;age|Age|number;condition|Condition|text;status|Status|choice|Stable/Observation/Critical/Discharged;nextVisit|Next visit|date;phone|Phone|phone",
     R"([["Nora Lindqvist",34,"Asthma follow-up","Stable","@+3","(415) 555-0142"],["James Okoro",67,"Post-op knee replacement","Observation","@+1","(415) 555-0177"],
        ["Priya Raman",45,"Type 2 diabetes","Stable","@+14","(415) 555-0108"],["Tom Becker",58,"Chest pain","Critical","@0","(415) 555-0193"],
        ["Lucia Moreno",29,"Migraine","Discharged","@+30","(415) 555-0121"]])"},
    {"delivery", "restaurant delivery takeout courier food pizza burger nearby", "Forkful", "warm", "#EA580C", "payments search", "", "restaurant", "cutlery",
     "name|Restaurant|text;cuisine|Cuisine|choice|Pizza/Sushi/Burgers/Thai/Vegan;rating|Rating|rating;eta|Delivery (min)|number;fee|Delivery fee|money;address|Address|text",
     R"([["Tony's Pizza Napoletana","Pizza",5,25,2.99,"1570 Stockton St"],["Kusakabe Sushi","Sushi",5,35,4.99,"584 Washington St"],
        ["Super Duper Burgers","Burgers",4,20,1.99,"2304 Market St"],["Kin Khao","Thai",4,30,3.49,"55 Cyril Magnin St"],
        ["Shizen Vegan","Vegan",5,40,3.99,"370 14th St"]])"},
    {"menu", "menu starter entree dessert bistro cafe dish appetizer drink", "Bistro Menu", "warm", "#B91C1C", "payments", "", "dish", "cutlery",
     "name|Dish|text;course|Course|choice|Starters/Mains/Desserts/Drinks;price|Price|money;description|Description|longtext;vegetarian|Vegetarian|bool",
     R"([["Tomato soup","Starters",8,"Roasted tomatoes, basil oil, sourdough croutons",true],["Burrata salad","Starters",12,"Heirloom tomatoes, peach, aged balsamic",true],
        ["Ribeye steak","Mains",32,"300 g dry-aged, chimichurri, fries",false],["Wild mushroom pasta","Mains",19,"Pappardelle, porcini, parmesan",true],
        ["Chocolate cake","Desserts",9,"Dark chocolate, sea salt, crème fraîche",true]])"},
    {"shop", "shop store product cart ecommerce e-commerce merch catalog gallery jacket checkout buy wishlist", "Northbound", "warm", "#C2410C", "payments search", "", "product", "shopping-bag",
     "name|Product|text;category|Category|choice|Apparel/Shoes/Accessories/Home;price|Price|money;rating|Rating|rating;stock|In stock|number;description|Description|longtext",
     R"([["Premium Leather Jacket","Apparel",299.99,5,8,"Full-grain lambskin with a quilted lining."],["Canvas Weekender Bag","Accessories",129,4,15,"Waxed canvas, leather handles, fits a 15\" laptop."],
        ["Merino Crew Sweater","Apparel",89,5,32,"Soft extra-fine merino in five colors."],["Trail Runner Sneakers","Shoes",145,4,11,"Grippy sole, recycled mesh upper."],
        ["Stoneware Mug Set","Home",42,5,40,"Four speckled 12 oz mugs, dishwasher safe."]])"},
    {"orders", "order shipment package fulfillment tracking parcel", "Shipyard", "corporate", "#2563EB", "search", "", "order", "truck",
     "number|Order|text;customer|Customer|text;total|Total|money;status|Status|choice|Processing/Shipped/Delivered/Returned;date|Placed|date",
     R"([["#10482","Maya Lopez",128.5,"Processing","@0"],["#10481","Jordan Reyes",64,"Shipped","@-1"],["#10479","Priya Raman",212.9,"Delivered","@-4"],
        ["#10476","Tom Becker",39.99,"Returned","@-8"],["#10475","Aiko Tanaka",89,"Delivered","@-9"]])"},
    {"invoices", "invoice invoicing billing overdue client payable receivable", "Ledgerly", "corporate", "#4F46E5", "reminders charts", "desktop", "invoice", "file-text-o",
     "number|Invoice|text;client|Client|text;amount|Amount|money;due|Due|date;status|Status|choice|Draft/Sent/Paid/Overdue",
     R"([["INV-1042","Acme Robotics",4800,"@+10","Sent"],["INV-1041","Bluebird Cafe",620,"@-5","Overdue"],["INV-1040","Northwind Traders",12500,"@-12","Paid"],
        ["INV-1039","Globex Studios",2250,"@-2","Overdue"],["INV-1043","Initech",980,"@+20","Draft"]])"},
    {"inventory", "inventory stock warehouse sku supplier restock", "Stockroom", "corporate", "#0F766E", "charts search", "desktop", "stock item", "cubes",
     "name|Item|text;sku|SKU|text;quantity|On hand|number;location|Location|choice|Aisle A/Aisle B/Aisle C/Back room;price|Unit cost|money;supplier|Supplier|text",
     R"([["Ceramic table lamp","LMP-204",14,"Aisle A",38,"Lumen & Co"],["Oak side table","TBL-118",3,"Back room",120,"Nordic Timber"],
        ["Linen throw pillow","PIL-532",56,"Aisle B",12.5,"Casa Textiles"],["Wool area rug 5x8","RUG-077",7,"Aisle C",210,"Loom House"],
        ["Brass wall hook","HK-901",240,"Aisle A",3.2,"Ironworks"]])"},
    {"crm", "crm lead deal pipeline prospect sales account opportunity", "Pipeline", "corporate", "#2563EB", "charts", "desktop", "deal", "handshake-o",
     "name|Deal|text;contact|Contact|text;value|Value|money;stage|Stage|choice|Lead/Qualified/Proposal/Won;close|Close date|date;email|Email|email",
     R"([["Acme Robotics renewal","Sarah Chen",48000,"Proposal","@+12","sarah.chen@acme.io"],["Globex expansion","Marcus Hill",125000,"Qualified","@+30","m.hill@globex.com"],
        ["Initech pilot","Priya Raman",18000,"Lead","@+45","priya@initech.com"],["Umbrella Health","Tom Becker",72000,"Won","@-3","tbecker@umbrella.health"],
        ["Stark Logistics","Aiko Tanaka",36000,"Proposal","@+8","aiko.t@starklog.com"]])"},
    {"support", "ticket support helpdesk issue bug incident sla agent escalation", "Deskline", "corporate", "#7C3AED", "search", "desktop", "ticket", "life-ring",
     "subject|Subject|text;requester|Requester|text;priority|Priority|choice|Low/Normal/High/Urgent;status|Status|choice|Open/Pending/Resolved;opened|Opened|date;assignee|Agent|text",
     R"([["Can't sign in after password reset","Maya Lopez","High","Open","@0","Sam Rivera"],["VPN drops every 10 minutes","Jordan Reyes","Urgent","Open","@-1","Ana Costa"],
        ["Request a second monitor","Priya Raman","Low","Pending","@-2","Sam Rivera"],["Invoice PDF shows wrong tax","Tom Becker","Normal","Resolved","@-4","Ana Costa"],
        ["Printer on floor 3 jams","Aiko Tanaka","Normal","Pending","@-3","Leo Brooks"]])"},
    {"courses", "course student lesson school teacher grade syllabus module lecture curriculum tutorial learning", "Campus", "calm", "#2563EB", "", "", "course", "graduation-cap",
     "title|Course|text;instructor|Instructor|text;lessons|Lessons|number;progress|Progress (%)|number;level|Level|choice|Beginner/Intermediate/Advanced;start|Starts|date",
     R"([["Introduction to Computer Science","Prof. Alan Park",24,65,"Beginner","@-30"],["Data Structures","Dr. Grace Liu",18,30,"Intermediate","@-14"],
        ["Algorithms","Dr. Omar Haddad",20,10,"Advanced","@-7"],["Intro to UX Design","Mia Jensen",12,90,"Beginner","@-60"],
        ["Statistics for Data Science","Dr. Ravi Iyer",16,0,"Intermediate","@+7"]])"},
    {"language", "language flashcard vocabulary spanish french german japanese word phrase fluency xp leaderboard", "Parla", "playful", "#22C55E", "charts", "", "flashcard", "language",
     "term|Word|text;translation|Meaning|text;deck|Deck|choice|Basics/Travel/Food/Verbs;level|Level|choice|New/Learning/Known;reviewed|Last review|date",
     R"([["Hola","Hello","Basics","Known","@-1"],["Gracias","Thank you","Basics","Known","@-2"],["¿Dónde está la estación?","Where is the station?","Travel","Learning","@0"],
        ["La cuenta, por favor","The check, please","Food","Learning","@-3"],["Aprender","To learn","Verbs","New","@0"]])"},
    {"pets", "pet dog cat puppy kitten vet breed", "Pawprint", "playful", "#F59E0B", "reminders", "", "pet", "paw",
     "name|Pet|text;species|Species|choice|Dog/Cat/Rabbit/Bird;breed|Breed|text;age|Age (years)|number;nextVet|Next vet visit|date;notes|Notes|longtext",
     R"([["Biscuit","Dog","Golden Retriever",4,"@+12","Loves tennis balls; allergic to chicken"],["Miso","Cat","Siamese",2,"@+40","Indoor only, brush twice a week"],
        ["Pepper","Dog","Border Collie",6,"@+3","Agility class on Saturdays"],["Clover","Rabbit","Holland Lop",1,"@+60","Fresh hay daily"],
        ["Kiwi","Bird","Budgie",3,"@+90","Sings at sunrise"]])"},
    {"plants", "plant garden water watering succulent houseplant fern growth", "Leafy", "calm", "#16A34A", "reminders", "", "plant", "leaf",
     "name|Plant|text;species|Species|text;room|Spot|choice|Living room/Bedroom/Kitchen/Balcony;waterEvery|Water every (days)|number;lastWatered|Last watered|date;notes|Care notes|longtext",
     R"([["Monty","Monstera deliciosa","Living room",7,"@-5","Bright indirect light; wipe leaves monthly"],["Fernando","Boston fern","Bathroom",3,"@-2","Likes humidity, mist often"],
        ["Spike","Snake plant","Bedroom",14,"@-10","Very forgiving, let soil dry out"],["Basil","Sweet basil","Kitchen",2,"@-1","Pinch the flowers off"],
        ["Sunny","Echeveria","Balcony",10,"@-4","Full sun, gritty soil"]])"},
    {"music", "music song playlist album artist track audio player spotify piano listen", "Tempo", "mono", "#8B5CF6", "player", "", "track", "music",
     "title|Track|text;artist|Artist|text;album|Album|text;duration|Length|text;genre|Genre|choice|Rock/Classical/Jazz/Pop",
     R"([["Bohemian Rhapsody","Queen","A Night at the Opera","5:55","Rock"],["Minuet in G","Ludwig van Beethoven","Piano Pieces","2:04","Classical"],
        ["So What","Miles Davis","Kind of Blue","9:22","Jazz"],["Levitating","Dua Lipa","Future Nostalgia","3:23","Pop"],
        ["Clair de Lune","Claude Debussy","Suite bergamasque","5:02","Classical"]])"},
    {"podcasts", "podcast episode host listen queue", "Castaway", "mono", "#F97316", "player", "", "episode", "podcast",
     "title|Episode|text;show|Show|text;host|Host|text;duration|Length|text;published|Published|date",
     R"([["Episode 42: The Future of AI","Signal & Noise","Jane Smith","48:12","@-1"],["How cities fix traffic","99% Invisible","Roman Mars","31:40","@-3"],
        ["The chip war","Acquired","Ben Gilbert","1:52:08","@-6"],["Sleep, explained","Huberman Lab","Andrew Huberman","1:21:15","@-9"],
        ["Building in public","Indie Hackers","Courtland Allen","55:30","@-12"]])"},
    {"videos", "video clip movie stream watch film trailer", "Reel", "mono", "#E11D48", "player", "", "video", "film",
     "title|Video|text;channel|Channel|text;duration|Length|text;published|Published|date;category|Category|choice|Nature/Film/Science/Music",
     R"([["Big Buck Bunny","Blender Studio","9:56","@-2","Film"],["Night sky timelapse","Lumen Lab","4:12","@-5","Nature"],
        ["How vaccines work","Kurzgesagt","7:31","@-8","Science"],["Sintel","Blender Studio","14:48","@-20","Film"],["Live at the Roundhouse","Ólafur Arnalds","58:03","@-30","Music"]])"},
    {"notes", "note journal diary memo notebook idea", "Inkwell", "mono", "#64748B", "search", "", "note", "sticky-note-o",
     "title|Title|text;body|Note|longtext;tag|Tag|choice|Work/Personal/Ideas;date|Edited|date;pinned|Pinned|bool",
     R"([["Q3 planning notes","Ship search by July; hire two engineers; revisit pricing.","Work","@0",true],
        ["Gift ideas for Mom","Hori-hori garden knife, seed-of-the-month club, linen apron.","Personal","@-2",false],
        ["App idea: plant swap","Neighbors trade cuttings; map of nearby plants; chat to arrange pickup.","Ideas","@-4",true],
        ["Book club picks","Piranesi, The Overstory, Klara and the Sun.","Personal","@-7",false],
        ["1:1 with Diego","Career goals, feedback on the launch, vacation in August.","Work","@-1",false]])"},
    {"jobs", "job candidate applicant hiring recruit recruiting resume interview position application career vacancy", "Hireflow", "corporate", "#0EA5E9", "", "", "candidate", "user",
     "name|Candidate|text;role|Role|text;stage|Stage|choice|Applied/Screen/Interview/Offer;email|Email|email;experience|Years of Experience|choice|0-1/2-5/5+;applied|Applied|date",
     R"([["Maya Lopez","Senior iOS Engineer","Interview","maya.lopez@gmail.com","5+","@-6"],["Jordan Reyes","Product Designer","Screen","jordan.reyes@outlook.com","2-5","@-3"],
        ["Priya Raman","Data Analyst","Offer","priya.raman@gmail.com","2-5","@-15"],["Tom Becker","Support Specialist","Applied","tom.becker@proton.me","0-1","@-1"],
        ["Aiko Tanaka","Backend Engineer","Interview","aiko.tanaka@gmail.com","5+","@-9"]])"},
    {"realestate", "apartment house listing property rent real-estate realtor viewing bedroom condo estate", "Nestly", "calm", "#0D9488", "search booking", "", "listing", "home",
     "title|Listing|text;neighborhood|Neighborhood|text;price|Rent / month|money;beds|Bedrooms|number;status|Status|choice|Available/Pending/Rented;available|Available from|date",
     R"([["Sunny 2BR with bay windows","Mission District",3850,2,"Available","@+10"],["Modern studio near the park","Hayes Valley",2450,0,"Available","@+3"],
        ["Victorian 3BR with garden","Noe Valley",5900,3,"Pending","@+30"],["Loft with city views","SoMa",4200,1,"Available","@+14"],
        ["Cozy 1BR by the beach","Outer Sunset",2700,1,"Rented","@-5"]])"},
    {"rides", "ride car driver taxi rideshare ride-sharing passenger trip-request fare earning payout pickup", "Drivewise", "vivid", "#111827", "charts", "", "ride", "car",
     "rider|Rider|text;pickup|Pickup|text;dropoff|Drop-off|text;fare|Fare|money;status|Status|choice|Requested/Accepted/Completed;date|Date|date",
     R"([["Maya Lopez","Ferry Building","SFO Terminal 2",42.5,"Requested","@0"],["Jordan Reyes","Mission & 24th","Oracle Park",18.2,"Accepted","@0"],
        ["Priya Raman","Union Square","Golden Gate Park",16.75,"Completed","@0"],["Tom Becker","Caltrain 4th & King","Salesforce Tower",9.8,"Completed","@-1"],
        ["Aiko Tanaka","Marina Green","Castro Theatre",21.4,"Completed","@-1"]])"},
    {"chat", "chat message messaging conversation dm messenger inbox chat-room", "Chatter", "calm", "#3B82F6", "chat", "", "contact", "comments",
     "name|Name|text;status|Status|choice|Online/Away/Offline;email|Email|email;phone|Phone|phone",
     R"([["Alice Martin","Online","alice.martin@gmail.com","(415) 555-0101"],["Bob Nguyen","Away","bob.nguyen@outlook.com","(415) 555-0102"],
        ["Sarah Kim","Online","sarah.kim@gmail.com","(415) 555-0103"],["Diego Ramos","Offline","diego@ramos.dev","(415) 555-0104"],["Team Product","Online","product@relay.app","(415) 555-0105"]])"},
    {"contacts", "contact address phonebook directory people person colleague", "Rolodex", "calm", "#6366F1", "search", "", "contact", "user",
     "name|Name|text;email|Email|email;phone|Phone|phone;company|Company|text;tag|Group|choice|Work/Family/Friends",
     R"([["Jane Doe","jane.doe@example.com","(123) 456-7890","Acme Robotics","Work"],["Marcus Hill","marcus.hill@globex.com","(415) 555-0188","Globex","Work"],
        ["Elena Rossi","elena.rossi@gmail.com","(415) 555-0131","Rossi Design","Friends"],["Sam Okafor","sam.okafor@outlook.com","(415) 555-0164","Initech","Work"],
        ["Grandma June","june.parker@aol.com","(415) 555-0119","","Family"]])"},
    {"weather", "weather forecast temperature rain sunny climate humidity", "Skyline", "calm", "#0284C7", "", "", "city", "cloud",
     "name|City|text;condition|Condition|choice|Sunny/Cloudy/Rain/Windy;temp|Now (°F)|number;high|High|number;low|Low|number;humidity|Humidity (%)|number",
     R"([["New York","Sunny",68,72,58,40],["London","Rain",54,57,48,82],["Tokyo","Cloudy",71,75,64,60],["San Francisco","Windy",61,64,52,70],["Sydney","Sunny",77,80,66,45]])"},
    {"animals", "animal species mammal bird reptile zoo wildlife kingdom creature explorer", "Wildbook", "playful", "#65A30D", "search", "", "species", "paw",
     "name|Species|text;class|Class|choice|Mammals/Birds/Reptiles;order|Order|text;habitat|Habitat|text;status|Conservation|choice|Least concern/Vulnerable/Endangered",
     R"([["Lion","Mammals","Carnivora","Savanna","Vulnerable"],["Bald Eagle","Birds","Accipitriformes","Lakes and rivers","Least concern"],
        ["Komodo Dragon","Reptiles","Squamata","Tropical islands","Endangered"],["Giraffe","Mammals","Artiodactyla","Savanna","Vulnerable"],
        ["Penguin","Birds","Sphenisciformes","Antarctic coast","Least concern"]])"},
    {"flights", "flight airline airport boarding departure destination origin layover", "Jetset", "vivid", "#2563EB", "booking search", "", "flight", "plane",
     "route|Route|text;airline|Airline|text;departs|Departs|date;price|Price|money;status|Status|choice|On time/Delayed/Boarding;stops|Stops|number",
     R"([["SFO → JFK","United","@+6",329,"On time",0],["SFO → LHR","British Airways","@+20",812,"On time",0],["LAX → NRT","ANA","@+45",1104,"Delayed",0],
        ["SEA → CDG","Air France","@+30",765,"On time",1],["BOS → LIS","TAP Portugal","@+12",540,"Boarding",0]])"},
    {"hotels", "hotel hotel-room stay check-in accommodation airbnb night resort", "Staybook", "calm", "#0F766E", "booking search", "", "hotel", "bed",
     "name|Hotel|text;city|City|text;price|Per night|money;stars|Stars|rating;status|Availability|choice|Available/Few rooms/Sold out;checkIn|Check-in|date",
     R"([["Grand Hotel","Tokyo",200,5,"Available","@+14"],["City Inn","Tokyo",100,3,"Few rooms","@+14"],["Park Hyatt","Tokyo",540,5,"Available","@+21"],
        ["Hotel Gracery","Tokyo",130,4,"Sold out","@+7"],["Ryokan Sawanoya","Tokyo",95,3,"Available","@+30"]])"},
    {"files", "file document folder drive upload pdf explorer attachment", "Filebox", "mono", "#3B82F6", "search sharing", "", "file", "folder",
     "name|Name|text;type|Type|choice|Folder/PDF/Image/Doc;size|Size|text;modified|Modified|date;owner|Owner|text",
     R"([["Documents","Folder","24 items","@-1","You"],["Images","Folder","312 items","@-3","You"],["Work.txt","Doc","4 KB","@0","You"],
        ["Q2 board deck.pdf","PDF","8.2 MB","@-2","Diego Ramos"],["Team offsite.jpg","Image","3.1 MB","@-6","Ava Thompson"]])"},
    {"approvals", "approval approve reject request reimbursement purchase leave pto sign-off", "Signoff", "corporate", "#4F46E5", "approvals", "desktop", "request", "check-square",
     "title|Request|text;requester|Requested by|text;amount|Amount|money;type|Type|choice|Travel/Software/Equipment/Leave;status|Status|choice|Pending/Approved/Rejected;submitted|Submitted|date",
     R"([["Flight to the Berlin sales kickoff","Maya Lopez",640,"Travel","Pending","@-1"],["Figma seats for the design team","Jordan Reyes",1800,"Software","Pending","@0"],
        ["Standing desks for floor 3","Priya Raman",4200,"Equipment","Pending","@-2"],["Vacation Jun 10-14","Tom Becker",0,"Leave","Approved","@-5"],
        ["Client dinner in Chicago","Aiko Tanaka",380,"Travel","Rejected","@-7"]])"},
    {"news", "news article headline feed story blog aggregator press magazine", "Daily Brief", "mono", "#DC2626", "search sharing", "", "article", "newspaper-o",
     "headline|Headline|text;source|Source|text;category|Section|choice|Tech/Sports/Business/Local;published|Published|date;summary|Summary|longtext",
     R"([["Tech Breakthrough: solid-state batteries hit the road","The Verge","Tech","@0","A new cell doubles range and charges in ten minutes."],
        ["Local Sports: Bay FC clinch the playoffs","SF Chronicle","Sports","@0","A late header sealed a 2-1 win at PayPal Park."],
        ["Rates hold steady as inflation cools","Bloomberg","Business","@-1","Markets rallied after the Fed kept rates unchanged."],
        ["New ferry route links Oakland and Mission Bay","KQED","Local","@-1","Service starts in June with 12 daily crossings."],
        ["Open-source model tops coding benchmark","Ars Technica","Tech","@-2","A 7B model beats last year's leaders on SWE-bench."]])"},
    {"social", "post social feed follower like comment photo instagram profile user123", "Circle", "playful", "#EC4899", "sharing", "", "post", "camera",
     "author|Author|text;content|Post|longtext;likes|Likes|number;comments|Comments|number;date|Posted|date",
     R"([["user123","Enjoying the beautiful weather today!",128,14,"@0"],["maya.draws","New sketchbook tour is up ✏️",342,27,"@-1"],
        ["jordan_runs","Half marathon PR: 1:38 🏃",96,11,"@-1"],["priya.cooks","Sunday lasagna for twelve",210,33,"@-2"],["tomtravels","Sunrise over Lisbon",505,41,"@-3"]])"},
    {"smarthome", "smart home device light thermostat sensor iot living-room lock camera", "Hearth", "calm", "#F59E0B", "", "", "device", "lightbulb-o",
     "name|Device|text;room|Room|choice|Living Room/Bedroom/Kitchen/Office;on|On|bool;level|Level|number;type|Type|choice|Light/Climate/Media/Security",
     R"([["Lights","Living Room",true,80,"Light"],["Thermostat","Living Room",true,72,"Climate"],["Music","Living Room",false,40,"Media"],
        ["Front door lock","Office",true,100,"Security"],["Bedside lamp","Bedroom",false,30,"Light"]])"},
    {"stocks", "stock watchlist market ticker portfolio crypto invest trading share equity", "Market Watch", "mono", "#16A34A", "charts", "", "stock", "line-chart",
     "symbol|Symbol|text;company|Company|text;price|Price|money;change|Change (%)|number;shares|Shares|number",
     R"([["AAPL","Apple",150,1.2,10],["GOOGL","Alphabet",2800,-0.5,2],["AMZN","Amazon",3400,0.8,3],["MSFT","Microsoft",412.3,0.4,8],["NVDA","Nvidia",905.1,2.6,5]])"},
    {"quiz", "quiz trivia question answer exam test-prep capital", "Brainy", "playful", "#8B5CF6", "charts", "", "question", "question-circle",
     "question|Question|text;answer|Answer|text;category|Category|choice|Geography/Science/History/Art;difficulty|Difficulty|choice|Easy/Medium/Hard",
     R"([["What is the capital of France?","Paris","Geography","Easy"],["Which planet has the most moons?","Saturn","Science","Medium"],
        ["Who painted The Starry Night?","Vincent van Gogh","Art","Easy"],["In which year did the Berlin Wall fall?","1989","History","Medium"],
        ["What is the chemical symbol for tungsten?","W","Science","Hard"]])"},
    {"feedback", "feedback survey review rating nps satisfaction comment", "Pulse", "calm", "#14B8A6", "charts", "", "response", "comments-o",
     "customer|Customer|text;rating|Rating|choice|Excellent/Good/Average/Poor;liked|What they liked|choice|Product Quality/Price/Customer Support;comment|Comments|longtext;date|Received|date",
     R"([["Maya Lopez","Excellent","Customer Support","Support fixed my issue in five minutes.","@0"],["Jordan Reyes","Good","Product Quality","Solid build, shipping was slow.","@-1"],
        ["Priya Raman","Average","Price","Great product but a bit expensive.","@-2"],["Tom Becker","Poor","Customer Support","Waited three days for a reply.","@-3"],
        ["Aiko Tanaka","Excellent","Product Quality","Best purchase this year.","@-4"]])"},
    {"meditation", "meditation mindfulness mood calm breathing sleep relax gratitude", "Stillwater", "calm", "#8B5CF6", "reminders charts", "", "session", "leaf",
     "title|Session|text;category|Theme|choice|Focus/Sleep/Stress/Gratitude;minutes|Minutes|number;mood|Mood after|choice|Calm/Okay/Tense;date|Date|date",
     R"([["Morning focus","Focus",10,"Calm","@0"],["Body scan for sleep","Sleep",20,"Calm","@-1"],["Three-minute reset","Stress",3,"Okay","@-1"],
        ["Gratitude walk","Gratitude",15,"Calm","@-3"],["Box breathing","Stress",5,"Tense","@-4"]])"},
    {"standup", "standup stand-up blocker yesterday update retro", "Huddle", "playful", "#6366F1", "", "", "update", "users",
     "person|Teammate|text;yesterday|Yesterday|longtext;today|Today|longtext;blockers|Blockers|longtext;date|Date|date;mood|Status|choice|On track/At risk/Blocked",
     R"([["Ava Thompson","Finished onboarding wireframes","Usability test with 5 users","None","@0","On track"],
        ["Liam Okafor","Fixed the photo upload crash","Push notification prompt","Waiting on copy from marketing","@0","At risk"],
        ["Mei Tanaka","Rate limiting middleware","Load test at 5k rpm","Staging DB is down","@0","Blocked"],
        ["Diego Ramos","Release notes draft","Sprint review prep","None","@0","On track"]])"},
    {"meetings", "meeting video-call call conference zoom webinar mute camera participant", "Huddle Room", "mono", "#2563EB", "chat", "", "meeting", "video-camera",
     "title|Meeting|text;host|Host|text;date|Date|date;time|Time|time;participants|Participants|number",
     R"([["Weekly product sync","Diego Ramos","@0","10:00",8],["Design critique","Ava Thompson","@0","14:30",5],["Customer call: Acme","Sarah Chen","@+1","11:00",4],
        ["All-hands","Mei Tanaka","@+2","16:00",42],["1:1 with Liam","Diego Ramos","@+3","09:30",2]])"},
    {"chores", "chore kid star reward allowance parent family", "Star Chart", "playful", "#F59E0B", "", "", "chore", "star",
     "title|Chore|text;kid|Kid|choice|Emma/Noah/Lily;stars|Stars|number;due|Due|date;status|Status|choice|To do/Done/Approved",
     R"([["Make your bed","Emma",1,"@0","Done"],["Feed the cat","Noah",2,"@0","To do"],["Empty the dishwasher","Lily",3,"@0","To do"],
        ["Tidy the playroom","Noah",3,"@+1","To do"],["Water the plants","Emma",2,"@-1","Approved"]])"},
    {"analytics", "mrr churn analytics saas metric kpi revenue arr subscriber conversion", "Metricly", "corporate", "#4F46E5", "charts", "desktop", "account", "line-chart",
     "name|Account|text;plan|Plan|choice|Starter/Growth/Enterprise;mrr|MRR|money;seats|Seats|number;health|Health|choice|Healthy/At risk/Churned;renewal|Renewal|date",
     R"([["Acme Robotics","Enterprise",12400,180,"Healthy","@+60"],["Globex","Growth",4800,45,"At risk","@+12"],["Initech","Growth",3900,38,"Healthy","@+90"],
        ["Umbrella Health","Enterprise",18200,240,"Healthy","@+150"],["Bluebird Cafe","Starter",290,4,"Churned","@-10"]])"},
    {"photos", "photo picture camera editing editor filter crop album gallery intensity", "Lumen", "mono", "#0EA5E9", "sharing", "", "photo", "camera",
     "title|Photo|text;album|Album|choice|Travel/Family/Food/Nature;date|Taken|date;filter|Filter|choice|None/Vivid/Mono/Warm;likes|Likes|number",
     R"([["Sunset over Lisbon","Travel","@-3","Warm",48],["Grandma's birthday","Family","@-10","None",23],["Ramen in Shibuya","Food","@-20","Vivid",61],
        ["Fog on the Golden Gate","Nature","@-1","Mono",92],["Hike to Mist Falls","Nature","@-40","Vivid",37]])"},
};

struct Lexicon {
    struct Entry {
        const DomainDef* def;
        std::vector<std::string> triggers;   // singular words
        std::set<std::string> renames;       // triggers that also rename the entity
        std::vector<IdeaField> fields;
        Json rows;                            // objects, dates resolved
    };
    std::vector<Entry> entries;
};

std::vector<std::string> splitOn(std::string_view s, char sep) {
    std::vector<std::string> out;
    size_t start = 0;
    for (size_t i = 0; i <= s.size(); ++i)
        if (i == s.size() || s[i] == sep) {
            out.emplace_back(s.substr(start, i - start));
            start = i + 1;
        }
    return out;
}

Json resolveDates(const Json& v) {
    if (v.is_string()) {
        const std::string& s = v.get_ref<const std::string&>();
        if (s.size() >= 2 && s[0] == '@') return isoDay(std::atoi(s.c_str() + 1));
    }
    return v;
}

const Lexicon& lexicon() {
    static const Lexicon lex = [] {
        Lexicon l;
        for (const DomainDef& d : kDomains) {
            Lexicon::Entry e;
            e.def = &d;
            for (auto& t : splitOn(d.triggers, ' ')) {
                if (t.empty()) continue;
                if (t[0] == '=') { e.renames.insert(t.substr(1)); e.triggers.push_back(t.substr(1)); }
                else e.triggers.push_back(t);
            }
            for (auto& spec : splitOn(d.fields, ';')) {
                auto parts = splitOn(spec, '|');
                IdeaField f{parts[0], parts.size() > 1 ? parts[1] : parts[0], parts.size() > 2 ? parts[2] : "text", {}};
                if (parts.size() > 3) f.choices = splitOn(parts[3], '/');
                e.fields.push_back(std::move(f));
            }
            e.rows = Json::array();
            for (auto& row : Json::parse(d.rows)) {
                Json obj = Json::object();
                for (size_t i = 0; i < e.fields.size() && i < row.size(); ++i) obj[e.fields[i].name] = resolveDates(row[i]);
                e.rows.push_back(std::move(obj));
            }
            l.entries.push_back(std::move(e));
        }
        return l;
    }();
    return lex;
}

//-----------------------------------------------------------------------------
// [SECTION] Feature and device lexicons
//-----------------------------------------------------------------------------

// A feature comes from what the request asks the app to do (play, listen, message each other), not from a noun that
// merely names its subject: "podcast studio booking" is no player, "welcome messages" no chat.
struct FeatureWords {
    const char* feature;
    const char* words;   // singular words (or "two-word" phrases joined by '-')
};

const FeatureWords kFeatures[] = {
    {"reminders", "remind reminder nudge alarm"},  // an alert "when stock falls below 10" is a condition, no time of day
    {"notifications", "notification notify push-notification"},
    {"search", "search find filter browse lookup explore explorer"},
    {"sharing", "share sharing invite collaborate export send-to"},
    // "before payment goes out", "billing codes": money a record mentions is no cart; paying and buying are.
    {"payments", "pay checkout cart buy subscription card-number order-confirmation promo"},
    {"charts", "chart graph stat statistic analytics insight report trend heatmap dashboard leaderboard earning metric kpi"},
    {"approvals", "approval approve reject sign-off"},
    {"booking", "book booking appointment reserve reservation slot time-slot viewing seat-selection"},
    {"chat", "chat messaging conversation inbox dm direct-message message-each send-message group-chat"},
    {"ai", "ai assistant gpt llm copilot chatbot bot ai-suggested generator generate-a-new smart-reply"},
    {"login", "login log-in sign-in signin password register registration sign-up signup username"},
    {"onboarding", "onboarding welcome get-started walkthrough"},
    {"kanban", "kanban board column in-progress to-do pipeline"},
    {"settings", "setting preference profile account"},
    {"player", "playback listen play-song play-music play-episode play-track play-video play-audio watch-video watch-episode media-player music-player audio-player video-player now-playing playlist"},
    {"calendar", "calendar agenda schedule week-view"},
};

const char* const kDesktopWords[] = {"admin", "b2b", "saas", "crm", "internal", "backoffice", "back-office", "desktop", "enterprise",
                                     "console", "portal", "erp", "web-app", "helpdesk", "dashboard", "agent", "ops", "website", "webpage", "web"};

const char* const kTabletWords[] = {"tablet", "ipad", "kiosk", "pos"};

// Words that never name an entity: function words, UI vocabulary (including other spec formats'), app words.
const std::set<std::string>& stopWords() {
    static const std::set<std::string> s = [] {
        std::set<std::string> out;
        const char* text =
            "a an the and or but of for to in on at by with from into onto over under about as is are be been being was were it its "
            "this that these those there here my our your their his her i we you they me us them who what which when where why how "
            "all any each every some many few more most other such only own same so than too very just can will should would could "
            "must may might do does did doing have has had having not no nor up down out off then once also each both before after "
            "while during between through above below again further s t don now new simple simplified basic detailed explicit "
            "generate create creating display displaying show showing shows use using make include including contain containing "
            "contains include inside below above first second third last next must exactly following item items thing things "
            "app application apps tool tools platform system ui interface page screen screens view views layout component components "
            "surface surfaceid createsurface updatecomponents message messages text texts card cards column columns row rows "
            "button buttons list lists image images icon icons divider tabs tab modal slider checkbox choicepicker datetimeinput "
            "textfield field fields label labeled labelled variant h1 h2 h3 h4 h5 main root child children template data model bound "
            "bind binding path value values literal static string json object array id ids action event context function call "
            "mutuallyexclusive multipleselection option options example e g eg etc like want need lets let help allow allows "
            "quick easy nice clean modern beautiful little big large small great good better best level depth nested deeply "
            "track tracker tracking manage management manager organize organizer plan planner planning log logger keep keeps see get "
            "where each everyone someone something way day daily weekly monthly time times one two three four five test sample verify "
            "parser ensure exact specifically whole also well lot lots single multiple several various different based sure who "
            "form dialog grid outline summary panel center centre section widget flow wizard prompt description detail details "
            "setting settings editing edit selection user";
        for (auto& w : splitOn(text, ' '))
            if (!w.empty()) out.insert(w);
        return out;
    }();
    return s;
}

std::vector<std::string> tokenize(std::string_view idea) {
    std::vector<std::string> out;
    std::string cur;
    auto flush = [&] {
        while (!cur.empty() && (cur.back() == '-' || cur.back() == '\'')) cur.pop_back();
        if (!cur.empty()) out.push_back(cur);
        cur.clear();
    };
    for (char ch : idea) {
        char c = ch >= 'A' && ch <= 'Z' ? static_cast<char>(ch - 'A' + 'a') : ch;
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || ((c == '-' || c == '\'') && !cur.empty())) cur += c;
        else flush();
    }
    flush();
    // "today's" -> "today"
    for (auto& w : out)
        if (w.size() > 2 && w.compare(w.size() - 2, 2, "'s") == 0) w.resize(w.size() - 2);
    return out;
}

// Singular tokens plus joined neighbour pairs ("sign-in") so two-word phrases match.
struct Words {
    std::vector<std::string> singular;
    std::set<std::string> all;
    bool has(const std::string& w) const { return all.count(w) > 0; }
};

// Requests written for another UI format ("a 'createSurface' message ... a 'Column' of 'Card's") use
// layout words that are not about the app: they must not turn into chat, kanban or list features.
bool isFormatPrompt(std::string_view idea) {
    for (const char* marker : {"surfaceId", "createSurface", "updateComponents", "'Text'", "'Column'", "'Row'", "'Card'", "'TextField'", "'Button'", "'List'"})
        if (idea.find(marker) != std::string_view::npos) return true;
    return false;
}

Words wordsOf(std::string_view idea) {
    Words w;
    std::vector<std::string> toks = tokenize(idea);
    if (isFormatPrompt(idea)) {
        static const std::set<std::string> layout = {"message", "messages", "column", "columns", "row", "rows", "card", "cards", "text", "list",
                                                     "tab", "tabs", "button", "buttons", "image", "icon", "component", "components", "stream",
                                                     "surface", "template", "modal", "field", "slider", "checkbox", "label", "variant", "child", "function", "call"};
        toks.erase(std::remove_if(toks.begin(), toks.end(), [](const std::string& t) { return layout.count(t) > 0; }), toks.end());
    }
    for (size_t i = 0; i < toks.size(); ++i) {
        std::string s = singularOf(toks[i]);
        w.singular.push_back(s);
        w.all.insert(s);
        w.all.insert(toks[i]);
        if (i + 1 < toks.size()) w.all.insert(toks[i] + "-" + singularOf(toks[i + 1]));
        if (i + 2 < toks.size()) w.all.insert(toks[i] + "-" + toks[i + 1] + "-" + singularOf(toks[i + 2]));
    }
    return w;
}

//-----------------------------------------------------------------------------
// [SECTION] Quoted labels
//-----------------------------------------------------------------------------
// Requests written for other UI formats quote both their vocabulary ('Text', 'h1') and the labels
// ("Mammals"). Each label is classified by the words just before it.

// Section: the title of a card or column inside the screen ("'Text' (variant 'h2') \"Ingredients\""), neither a row nor a group.
enum class LabelRole { Heading, Button, Input, Option, Group, Content, Section };

struct QuotedLabel {
    std::string text;
    LabelRole role;
    std::string widget;   // for inputs: "checkbox", "slider", "date", "choice" or ""
};

bool looksLikeVocabulary(const std::string& s, bool singleQuoted) {
    if (s.empty() || s.size() > 80) return true;
    if (s.find("://") != std::string::npos || s[0] == '/' || s.find('_') != std::string::npos) return true;
    std::string low;
    for (char c : s) low += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    static const std::set<std::string> uiWords = {"text", "card", "column", "row", "button", "list", "image", "icon", "divider", "tabs", "tab", "modal",
                                                  "slider", "checkbox", "choicepicker", "datetimeinput", "textfield", "main", "h1", "h2", "h3", "h4",
                                                  "h5", "video", "audioplayer", "body", "caption", "grid"};
    if (uiWords.count(low)) return true;
    if (singleQuoted && stopWords().count(low)) return true;
    if (!singleQuoted) return false;
    // 'createSurface', 'main', 'url': identifiers rather than labels.
    bool hasSpace = s.find(' ') != std::string::npos;
    for (size_t i = 1; i < s.size(); ++i)
        if (s[i] >= 'A' && s[i] <= 'Z' && s[i - 1] >= 'a' && s[i - 1] <= 'z' && !hasSpace) return true;
    return !hasSpace && !(s[0] >= 'A' && s[0] <= 'Z');
}

std::vector<QuotedLabel> quotedLabels(std::string_view idea) {
    std::vector<QuotedLabel> out;
    std::string context;            // lower-case text since the previous label
    LabelRole lastRole = LabelRole::Content;
    std::string lastWidget;
    // The role comes from the vocabulary word closest before the label ("'Button' \"Save\"", "tabs: \"A\"").
    auto roleFrom = [&](const std::string& ctx, bool first, bool listContinues, std::string* widget) {
        if (listContinues) { *widget = lastWidget; return lastRole; }
        std::string near = ctx.size() > 40 ? ctx.substr(ctx.size() - 40) : ctx;
        struct Cue { const char* word; LabelRole role; const char* widget; };
        static const Cue cues[] = {
            {"option", LabelRole::Option, ""}, {"choices", LabelRole::Option, ""},
            {"checkbox", LabelRole::Input, "checkbox"}, {"slider", LabelRole::Input, "slider"}, {"datetimeinput", LabelRole::Input, "date"},
            {"choicepicker", LabelRole::Input, "choice"}, {"textfield", LabelRole::Input, ""}, {"text field", LabelRole::Input, ""},
            {"input", LabelRole::Input, ""}, {"field", LabelRole::Input, ""},
            {"button", LabelRole::Button, ""}, {"labeled", LabelRole::Button, ""}, {"labelled", LabelRole::Button, ""},
            {"press", LabelRole::Button, ""}, {"click", LabelRole::Button, ""}, {"tap", LabelRole::Button, ""},
            {"tab", LabelRole::Group, ""}, {"column", LabelRole::Group, ""}, {"section", LabelRole::Group, ""}, {"categor", LabelRole::Group, ""},
            {"h1", LabelRole::Heading, ""}, {"title", LabelRole::Heading, ""}, {"heading", LabelRole::Heading, ""},
            {"h2", LabelRole::Section, ""}, {"h3", LabelRole::Section, ""},
            {"card", LabelRole::Content, ""}, {"item", LabelRole::Content, ""}, {"row", LabelRole::Content, ""}, {"example", LabelRole::Content, ""},
            {"species", LabelRole::Content, ""}, {"include", LabelRole::Content, ""}, {"text ", LabelRole::Content, ""}};
        const Cue* best = nullptr;
        size_t bestAt = 0;
        for (const Cue& c : cues) {
            size_t at = near.rfind(c.word);
            if (at != std::string::npos && (!best || at + std::strlen(c.word) > bestAt)) { best = &c; bestAt = at + std::strlen(c.word); }
        }
        // A 'Text' closer than a 'Column', 'Tabs' or 'Card' is what the label fills: it names that text, not the container
        // (but a 'Button' with a 'Text' child is still a button).
        bool textCue = best && std::string(best->word) == "text ";
        if (textCue && near.find("button") != std::string::npos) return LabelRole::Button;
        if (!best || best->role == LabelRole::Content) return first && near.find("text") != std::string::npos ? LabelRole::Heading : LabelRole::Content;
        if (best->role == LabelRole::Section) return first ? LabelRole::Heading : LabelRole::Section;
        // A button "with the label X" is still a button.
        if (best->role == LabelRole::Button || (std::string(best->word) == "labeled" && near.find("button") != std::string::npos)) return LabelRole::Button;
        *widget = best->widget;
        if (best->role == LabelRole::Input && near.find("button") != std::string::npos && near.rfind("button") > near.rfind(best->word)) return LabelRole::Button;
        return best->role;
    };
    size_t i = 0, runStart = 0;  // runStart: where the list of labels the current one continues begins in `out`
    bool haveHeading = false;
    while (i < idea.size()) {
        // Opening quote: ' (at a word start), " or a curly double quote.
        size_t open = std::string_view::npos, qlen = 1;
        std::string_view close;
        char c = idea[i];
        if (c == '"') { open = i; close = "\""; }
        else if (c == '\'' && (i == 0 || !std::isalnum(static_cast<unsigned char>(idea[i - 1])))) { open = i; close = "'"; }
        else if (idea.substr(i, 3) == "\xE2\x80\x9C") { open = i; qlen = 3; close = "\xE2\x80\x9D"; }
        if (open == std::string_view::npos) {
            context += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
            ++i;
            continue;
        }
        size_t end = idea.find(close, open + qlen);
        // A closing single quote ends a word ("kids' chores" is not a label); "'Card's" is the plural of 'Card'.
        auto alnumAt = [&](size_t k) { return k < idea.size() && std::isalnum(static_cast<unsigned char>(idea[k])); };
        while (close == "'" && end != std::string_view::npos && alnumAt(end + 1) && !(idea[end + 1] == 's' && !alnumAt(end + 2)))
            end = idea.find(close, end + 1);
        if (close == "'" && end != std::string_view::npos && idea.substr(open + 1, end - open - 1).find_first_of("'\n:") != std::string_view::npos)
            end = std::string_view::npos;
        if (end == std::string_view::npos || end - open - qlen > 120) {
            context += ' ';
            i = open + qlen;
            continue;
        }
        std::string raw = safeText(idea.substr(open + qlen, end - open - qlen), 120);
        bool single = close == "'";
        i = end + close.size();
        if (looksLikeVocabulary(raw, single)) {
            for (char ch : raw) context += static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch);
            context += ' ';
            continue;
        }
        std::string widget;
        // A label right after another ("'To do', 'In progress' and ...") continues its list.
        const bool listContinues = context.find_first_not_of(" ,.and or:;-\n\t") == std::string::npos && !out.empty();
        if (!listContinues) runStart = out.size();
        LabelRole role = roleFrom(context, !haveHeading && out.empty(), listContinues, &widget);
        // What the label is can follow it: "an 'Adopt' button", "an 'Adopted' section", "the 'Done' tab".
        // So can a list of labels' ("between 'To do', 'In progress' and 'Ready' columns"): all of them are.
        static const std::map<std::string, LabelRole> after = {{"button", LabelRole::Button}, {"buttons", LabelRole::Button}, {"link", LabelRole::Button},
                                                               {"section", LabelRole::Section}, {"sections", LabelRole::Section}, {"area", LabelRole::Section},
                                                               {"list", LabelRole::Section}, {"tab", LabelRole::Group}, {"tabs", LabelRole::Group},
                                                               {"column", LabelRole::Group}, {"columns", LabelRole::Group}, {"field", LabelRole::Input},
                                                               {"fields", LabelRole::Input}};
        size_t next = i;
        while (next < idea.size() && idea[next] == ' ') ++next;
        size_t wordEnd = next;
        while (wordEnd < idea.size() && std::isalpha(static_cast<unsigned char>(idea[wordEnd]))) ++wordEnd;
        std::string following(idea.substr(next, wordEnd - next));
        for (char& ch : following) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        if (const auto named = after.find(following); named != after.end()) {
            role = named->second;
            for (size_t k = runStart; k < out.size(); ++k) out[k].role = role;
        }
        if (role == LabelRole::Heading) {
            if (haveHeading) role = LabelRole::Content;
            haveHeading = true;
        }
        out.push_back({raw, role, widget});
        lastRole = role;
        lastWidget = widget;
        context.clear();
    }
    return out;
}


//-----------------------------------------------------------------------------
// [SECTION] Entities from the idea
//-----------------------------------------------------------------------------

// The workflow rows of a kind go through though the request never says so, by the noun's last word: a request
// waits for a decision, a booking for confirmation, a loan for its return. Empty for a noun with no such workflow
// ("hive", "film"): no status is made up for it.
std::vector<std::string> workflowOf(const std::string& noun) {
    static const std::vector<std::pair<const char*, std::vector<std::string>>> workflows = {
        {"request application claim submission proposal petition appeal nomination referral permit continuance leave", {"Pending", "Approved", "Declined"}},
        {"booking reservation appointment rsvp", {"Confirmed", "Pending", "Cancelled"}},
        {"loan rental borrowing checkout lending hire", {"Out", "Returned", "Overdue"}},
        {"issue ticket bug complaint incident defect problem fault", {"Open", "In progress", "Resolved"}},
        {"task job assignment chore errand project todo work-order", {"To do", "In progress", "Done"}},
        {"order delivery shipment", {"Placed", "On the way", "Delivered"}},
        {"event session meeting hearing screening match game race tournament class lesson workshop shift", {"Scheduled", "Done", "Cancelled"}}};
    // The whole noun first ("work order" is work, not a purchase), then its last word; two-word nouns are joined by '-'.
    std::string whole = noun;
    std::replace(whole.begin(), whole.end(), ' ', '-');
    const std::string last = noun.substr(noun.rfind(' ') + 1);  // npos + 1 is 0: the whole noun
    for (const std::string& name : {whole, last})
        for (const auto& [words, states] : workflows) {
            const std::vector<std::string> ws = splitOn(words, ' ');
            if (std::find(ws.begin(), ws.end(), name) != ws.end()) return states;
        }
    return {};
}

// An entity the lexicon does not know: its name, the attributes the request gave it, the workflow its kind goes
// through and a date when the request named none but the row needs one (a list sorts by it). Rows are invented from the kinds.
IdeaEntity genericEntity(const RequestEntity& asked) {
    IdeaEntity e;
    e.singular = asked.phrase;
    e.plural = pluralOf(asked.phrase);
    e.icon = "bookmark-o";
    e.fields = {{"name", capitalized(asked.phrase), "text", {}}};  // "Polling place", not "Place"
    // "animals with a name, species and age", "job listings with title, company ...": a name or title the request
    // lists titles the rows under its own label.
    for (const IdeaField& f : asked.attributes)
        if ((f.name == "name" || f.name == "title") && f.kind == "text") e.fields.front().label = f.label;
    // A status the request lists is the row's workflow: a choice, so it is not added a second time below.
    const std::vector<std::string> workflow = workflowOf(asked.phrase);
    for (const IdeaField& f : asked.attributes)
        if (f.name == "status" && f.kind == "text") e.fields.push_back({"status", "Status", "choice", workflow.empty() ? std::vector<std::string>{"Active", "Inactive"} : workflow});
        else if (f.name != "name" && f.label != e.fields.front().label) e.fields.push_back(f);
    auto hasKind = [&](const char* kind) { return std::any_of(e.fields.begin(), e.fields.end(), [&](const IdeaField& f) { return f.kind == kind; }); };
    // A workflow the request never gave is its kind's: only rows the request says nothing else of get one to filter by.
    if (!hasKind("choice") && asked.attributes.size() < 2 && !workflow.empty()) e.fields.push_back({"status", "Status", "choice", workflow});
    // A date when the request gave few values, or the row happens on a day (a time, a booking's or an event's
    // workflow): "plots with size and sun exposure" have no date of their own.
    const bool dated = hasKind("time") || !workflow.empty();
    if (!hasKind("date") && (asked.attributes.size() < 2 || dated)) e.fields.push_back({"date", "Date", "date", {}});
    if (asked.attributes.size() < 2) e.fields.push_back({"notes", "Notes", "longtext", {}});
    // "plots with a plot number, size and member name", "tickets with the customer name and bike model": a row the
    // request names by a value of its own is titled by it, a number before a name, rather than "Ticket 1".
    const auto titles = [&](const IdeaField& f, const char* word) {
        const size_t space = f.label.rfind(' ');
        return f.kind == "text" && space != std::string::npos && singularOf(f.label.substr(space + 1)) == word;
    };
    for (const char* word : {"number", "code", "id", "title", "name"}) {
        const auto own = std::find_if(e.fields.begin() + 1, e.fields.end(), [&](const IdeaField& f) { return titles(f, word); });
        if (own == e.fields.end()) continue;
        e.fields.front() = *own;
        e.fields.erase(own);
        break;
    }
    return e;
}

IdeaEntity entityFrom(const Lexicon::Entry& entry, const Words& words) {
    IdeaEntity e;
    e.singular = entry.def->singular;
    for (auto& r : entry.renames)
        if (words.has(r)) e.singular = r;
    e.plural = pluralOf(e.singular);
    e.icon = entry.def->icon;
    e.fields = entry.fields;
    e.rows = entry.rows;
    return e;
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

// The request names a one-word field more fully ("Exercise type" where there is "Type", "Calories burned" where
// there is "Calories"): the same value under the request's name.
// So does one the request calls by another word for how many are held ("Quantity" where there is "In stock").
bool namesMoreFully(const IdeaField& have, const IdeaField& asked) {
    const std::vector<std::string> words = splitOn(lower(asked.label), ' ');
    // "Streak (days)": the unit is no part of the name.
    const std::string one = lower(have.label.substr(0, have.label.find(" (")));
    static const std::set<std::string> held = {"quantity", "qty", "stock", "in stock", "stock level", "on hand", "units in stock"};
    if (have.name != asked.name && have.kind == "number" && held.count(one) && held.count(lower(asked.label))) return true;
    // The word is the compound's head ("Exercise type"), or the thing a participle after it says something of
    // ("Calories burned"); "Show note" is a note, no show.
    static const std::set<std::string> stated = {"left", "spent", "taken", "done", "due", "paid", "owed", "made", "sold", "given", "won", "lost", "seen"};
    const bool saidOf = words.size() == 2 && words.front() == one && (stated.count(words.back()) || (words.back().size() > 3 && words.back().substr(words.back().size() - 2) == "ed"));
    return have.name != asked.name && words.size() > 1 && one != "name" && one.find(' ') == std::string::npos && (words.back() == one || saidOf);
}

// The request's name for a field it names more fully, keeping the field's unit ("Streak (days)" named "Daily
// streak" is "Daily streak (days)").
void takeName(IdeaField& have, const IdeaField& asked) {
    const size_t unit = have.label.find(" (");
    have.label = asked.label + (unit == std::string::npos ? "" : have.label.substr(unit));
}

// Adds what the request says a row holds to the fields it has; a field it names more fully takes the request's
// label and keeps its key, so the rows already written keep their values.
void addAskedFields(std::vector<IdeaField>& to, const std::vector<IdeaField>& asked) {
    for (const IdeaField& f : asked) {
        const auto fuller = std::find_if(to.begin(), to.end(), [&](const IdeaField& g) { return namesMoreFully(g, f); });
        if (fuller != to.end() && std::none_of(to.begin(), to.end(), [&](const IdeaField& g) { return g.name == f.name; })) takeName(*fuller, f);
        else addNewFields(to, {f});
    }
}

// A row the idea quotes: its name, the group it was listed under and the values quoted with it ("5 Stars").
struct QuotedRow {
    std::string name, group;
    std::vector<std::string> values;
};

// A quoted value rather than a name: "$200/night", "5 Stars", "$8", "-0.5%".
bool isQuotedValue(const std::string& text) {
    size_t at = 0;
    if (at < text.size() && (text[at] == '+' || text[at] == '-')) ++at;
    if (at < text.size() && text[at] == '$') ++at;
    return at < text.size() && std::isdigit(static_cast<unsigned char>(text[at]));
}

// Puts a quoted value into the row's field it names: "5 Stars" -> the number or rating field called stars,
// "-0.5%" -> the one whose label has "%", "$200/night" -> the money field whose label says night (else the
// first money field). Values that name no field ("4,321") are left out rather than guessed.
void fillQuotedValue(Json& row, std::vector<IdeaField>& fields, const std::string& text) {
    size_t i = text[0] == '+' || text[0] == '-' ? 1 : 0;
    bool money = text[i] == '$';
    std::string digits = text[0] == '-' ? "-" : "";
    if (money) ++i;
    for (; i < text.size() && (std::isdigit(static_cast<unsigned char>(text[i])) || text[i] == ',' || text[i] == '.'); ++i)
        if (text[i] != ',') digits += text[i];
    double number = std::atof(digits.c_str());
    std::string unit = singularOf(lower(safeText(text.substr(i + (i < text.size() && std::strchr("/ ", text[i]) ? 1 : 0)))));
    const IdeaField* target = nullptr;
    for (auto& f : fields) {
        bool numeric = f.kind == "money" || (!money && (f.kind == "number" || f.kind == "rating"));
        bool named = !unit.empty() && (lower(f.label).find(unit) != std::string::npos || lower(f.name).find(unit) != std::string::npos);
        if (numeric && named) { target = &f; break; }
        if (numeric && money && f.kind == "money" && !target) target = &f;
    }
    if (!target) {
        // A value the entity has no field for ("$320/night", "4 Stars") brings its field along.
        const bool stars = unit == "star";
        const std::string label = money ? "Price" : stars ? "Stars" : unit.empty() ? "" : capitalized(unit);
        if (label.empty() || unit.size() > 20) return;
        fields.push_back({camelKey(label), label, money ? "money" : stars ? "rating" : "number", {}});
        target = &fields.back();
    }
    if (target->kind == "rating") row[target->name] = static_cast<int>(std::lround(std::clamp(number, 1.0, 5.0)));
    else if (std::fabs(number) < 1e15 && number == std::floor(number)) row[target->name] = static_cast<long long>(number);  // 200, not 200.0
    else row[target->name] = number;
}

// How often `word` appears in `text` (lower case) as a whole word.
size_t wordCount(const std::string& text, const std::string& word) {
    size_t n = 0;
    for (size_t at = text.find(word); !word.empty() && at != std::string::npos; at = text.find(word, at + 1)) {
        const bool starts = at == 0 || !std::isalpha(static_cast<unsigned char>(text[at - 1]));
        const bool ends = at + word.size() >= text.size() || !std::isalpha(static_cast<unsigned char>(text[at + word.size()]));
        n += starts && ends ? 1 : 0;
    }
    return n;
}

// Whether `phrase` is named only in the request's opening subject ("Please implement a wine cellar inventory app.
// Users add bottles ..."): in its first sentence, before what that sentence goes on to say, and never again.
bool subjectOnly(const std::string& text, const std::string& phrase) {
    const size_t end = text.find_first_of(".!?\n");
    if (end == std::string::npos || text.find_first_not_of(" \n.!?", end) == std::string::npos) return false;  // one sentence says it all
    std::string opening = text.substr(0, end);
    for (const char* clause : {" with ", " where ", " that ", " which ", " who ", " so ", " to ", " and ", ",", ":"})
        if (const size_t at = opening.find(clause); at != std::string::npos) opening.resize(at);
    // "The disability services office books interpreters", "Teachers create a lesson": what the subject does is no
    // longer the subject.
    std::string previous;
    for (size_t at = 0; at < opening.size();) {
        const size_t to = std::min(opening.find(' ', at), opening.size());
        const std::string word = opening.substr(at, to - at);
        const bool singularVerb = word.size() > 2 && word.back() == 's' && singularOf(word) != word && knownVerb(word);
        // ("astronomers used outdoors": a participle describes them, it says nothing they do)
        const bool participle = word.size() > 3 && word.compare(word.size() - 2, 2, "ed") == 0;
        const bool peopleDo = at > 0 && singularOf(previous) != previous && singularOf(word) == word && knownVerb(word) && !participle;
        if (at > 0 && (singularVerb || peopleDo)) {
            opening.resize(at);
            break;
        }
        previous = word;
        at = to + 1;
    }
    const auto count = [&](const std::string& in) { return wordCount(in, phrase) + wordCount(in, pluralOf(phrase)); };
    return count(opening) > 0 && count(opening) == count(text);
}

// Whether the request writes rows of `child` as belonging to one of `parent`'s: "inspections for each hive", "lessons
// per student", "service records of a vehicle", "a hive's inspections".
bool belongsTo(const std::string& text, const IdeaEntity& child, const IdeaEntity& parent) {
    for (const std::string& c : {child.singular, child.plural})
        for (const std::string& p : {parent.singular, parent.plural}) {
            if (wordCount(text, p + "'s " + c) + wordCount(text, c + " per " + p) > 0) return true;
            for (const char* link : {" for ", " of ", " on ", " to ", " from "})
                for (const char* which : {"each ", "every ", "a ", "an ", "the ", "that ", "this ", "their ", "its "})
                    if (wordCount(text, c + link + which + p) > 0) return true;
        }
    return false;
}

// Whether the request has people pick one of `parent`'s rows for a `child` they make, in one sentence: "when
// brewers start a batch they pick a recipe and a tank", "create an order and choose a courier". The parent may be
// named by its head ("a tank" for fermentation tanks).
bool picksFor(const std::string& text, const IdeaEntity& child, const IdeaEntity& parent) {
    static const char* const kPicking[] = {" pick ", " picks ", " choose ", " chooses ", " select ", " selects "};
    const std::string head = parent.singular.substr(parent.singular.rfind(' ') + 1);
    size_t from = 0;
    for (size_t end = text.find_first_of(".!?;\n"); from < text.size(); from = end + 1, end = text.find_first_of(".!?;\n", from)) {
        const std::string sentence = " " + text.substr(from, end == std::string::npos ? std::string::npos : end - from) + " ";
        for (const char* verb : kPicking) {
            const size_t at = sentence.find(verb);
            if (at == std::string::npos) continue;
            const std::string before = sentence.substr(0, at), after = sentence.substr(at + std::strlen(verb));
            if (wordCount(before, child.singular) + wordCount(before, child.plural) == 0) continue;
            // What is picked runs to the clause's end: "a recipe and a tank, then log ..." picks two.
            const std::string picked = after.substr(0, std::min(after.find(','), after.find(" then ")));
            for (const std::string& name : {parent.singular, head})
                for (const char* article : {"a ", "an ", "the ", "one "})
                    if (wordCount(" " + picked, std::string(article) + name) > 0) return true;
        }
        if (end == std::string::npos) break;
    }
    return false;
}

// Makes `child` name one of `parent`'s rows: a reference field (see linkRows) after its title, in place of a value
// of the same name. False when that name is the row's own title, which stays.
bool addReference(IdeaEntity& child, const IdeaEntity& parent) {
    const IdeaField ref{camelKey(parent.singular), capitalized(parent.singular), "choice", {}, parent.singular};
    const auto same = std::find_if(child.fields.begin(), child.fields.end(), [&](const IdeaField& f) { return f.name == ref.name; });
    if (same == child.fields.begin()) return false;
    if (same != child.fields.end()) *same = ref;
    else child.fields.insert(child.fields.begin() + 1, ref);
    return true;
}

// Whether `head` is written right before an app word ("an online auction website", "a life-support monitor").
bool namesApp(const std::string& text, const std::string& head) {
    static const std::set<std::string> apps = {"app", "application", "website", "site", "system", "platform", "portal", "tool", "tracker",
                                               "manager", "dashboard", "hub", "planner", "monitor", "service", "software", "page"};
    for (size_t at = text.find(head + " "); at != std::string::npos; at = text.find(head + " ", at + 1)) {
        const size_t from = at + head.size() + 1, to = text.find_first_of(" .,;:!?\n", from);
        if (apps.count(text.substr(from, to == std::string::npos ? std::string::npos : to - from))) return true;
    }
    return false;
}

// The idea's own one-line summary: the request part of a long UI prompt, first sentence, no boilerplate.
std::string summarize(std::string_view idea) {
    std::string s = safeText(idea, 600);
    std::string low = lower(s);
    // "Generate a 'createSurface' message ... with surfaceId 'main' for a calendar event creation form."
    for (const char* marker : {"'main' for ", "surfaceid 'main' for ", " message for ", "messages for ", " describe the following ui:"})
        if (size_t p = low.find(marker); p != std::string::npos && p < 200) {
            s = s.substr(p + std::strlen(marker));
            low = low.substr(p + std::strlen(marker));
        }
    size_t stop = s.find_first_of(".!?\n");
    if (stop != std::string::npos) s = s.substr(0, stop);
    for (const char* lead : {"create ", "build ", "make ", "design ", "generate ", "an ", "a ", "the "}) {
        if (lower(s).rfind(lead, 0) == 0) s = s.substr(std::strlen(lead));
    }
    if (s.size() > 90) {
        size_t cut = s.rfind(' ', 90);
        s = s.substr(0, cut == std::string::npos ? 90 : cut);
    }
    while (!s.empty() && std::strchr(" ,;:-", s.back())) s.pop_back();
    return capitalized(s);
}

// Whether the request's subject (or a short title line before the first colon or line break, "Support desk") names
// the domain: its entity, a trigger or a rename, or a word made from one ("invoicing" from "invoice"). `idea` is the
// reading's copy, which has the line breaks of `rawIdea` as spaces. True when the request has no subject to go by.
bool subjectIsDomains(const Lexicon::Entry& entry, const std::string& idea, std::string_view rawIdea) {
    const std::string titleLine = safeText(rawIdea.substr(0, rawIdea.find_first_of(":\n")), 80);
    const bool titled = titleLine.size() < rawIdea.size() && std::count(titleLine.begin(), titleLine.end(), ' ') < 3;
    const std::vector<std::string> subject = splitOn(lower(requestSubject(idea) + (titled ? " " + titleLine : "")), ' ');
    if (subject.empty() || subject.front().empty()) return true;
    const auto madeFrom = [](const std::string& w, const std::string& known) {
        const std::string stem = known.size() >= 5 && known.back() == 'e' ? known.substr(0, known.size() - 1) : known;
        return w == known || (stem.size() >= 4 && w.rfind(stem, 0) == 0 && w.size() <= stem.size() + 3);
    };
    return std::any_of(subject.begin(), subject.end(), [&](const std::string& w) {
        const std::string one = singularOf(w);
        const auto known = [&](const std::string& k) { return madeFrom(one, k); };
        return known(entry.def->singular) || std::any_of(entry.triggers.begin(), entry.triggers.end(), known) ||
               std::any_of(entry.renames.begin(), entry.renames.end(), known);
    });
}

} // namespace

std::string fieldKindFor(const std::string& label, const std::string& widget) {
    std::string low;
    for (char c : label) low += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    auto has = [&](const char* w) { return low.find(w) != std::string::npos; };
    const std::vector<std::string> lowWords = splitOn(low, ' ');
    if (widget == "checkbox") return "bool";
    if (widget == "slider") return "number";
    if (widget == "choice") return "choice";
    if (has("email")) return "email";
    if (has("phone") || has("mobile")) return "phone";
    if (widget == "date" || has("date") || has("birthday") || has("deadline")) return "date";
    // How long or how much is left is a number: "wait time", "time left", "filament remaining", "overtime hours".
    if (has("wait") || has("time left") || has("time remaining") || has("duration") || has("remaining") || has(" left") || has("hours") ||
        has("minutes") || has("overtime") || has("percent") || (low.size() > 6 && low.compare(low.size() - 6, 6, " level") == 0))
        return "number";
    // "play time", "prep time", "bottom time": how long something takes, in minutes, not a time of day.
    static const std::set<std::string> spent = {"play", "prep", "preparation", "cook", "cooking", "bake", "baking", "travel", "run", "drive", "driving",
                                                "flight", "screen", "bottom", "response", "turnaround", "lead", "setup", "reading", "rest", "recovery"};
    if (lowWords.size() >= 2 && lowWords.back() == "time" && spent.count(lowWords[lowWords.size() - 2])) return "number";
    if ((has("time") && !has("times") && !has("ratio")) || has("clock-in") || has("clock-out")) return "time";
    // Money words that are parts of others ("rent" in "current", "fee" in "coffee") count as whole words only.
    static const std::set<std::string> moneyWords = {"deposit", "fee", "fees", "rent", "balance", "payment", "fare", "wage", "wages", "payroll", "revenue", "tip", "tips",
                                                    "estimate", "quote", "payout", "refund", "bill"};
    const bool moneyWord = std::any_of(lowWords.begin(), lowWords.end(), [&](const std::string& w) { return moneyWords.count(w) > 0; });
    if (has("price") || has("amount") || has("total") || has("cost") || has("budget") || has("salary") || moneyWord) return "money";
    // A rate charged per stretch of time or per thing is money ("hourly rate", "nightly rate", "room rate"); other
    // rates are measures ("attendance rate", "heart rate", "interest rate").
    if (std::find(lowWords.begin(), lowWords.end(), "rate") != lowWords.end() || std::find(lowWords.begin(), lowWords.end(), "rates") != lowWords.end()) {
        static const std::set<std::string> charged = {"hourly", "nightly", "daily", "weekly", "monthly", "day", "night", "hour", "room", "labor",
                                                      "labour", "billing", "shipping", "base", "flat", "rental", "standard", "weekend", "per"};
        const bool money = std::any_of(lowWords.begin(), lowWords.end(), [&](const std::string& w) { return charged.count(w) > 0; });
        return money ? "money" : "number";
    }
    // Readings taken with an instrument are numbers ("temperature", "salinity", "pH").
    static const char* const readings[] = {"temperature", "humidity", "moisture", "salinity", "oxygen", "gravity", "chlorine", "alkalinity",
                                           "pressure", "weight", "speed", "distance", "voltage", "reading", "yield", "brix", "consumption", "usage", "depth",
                                           "volume", "mileage", "odometer", "altitude", "elevation", "ratio"};
    if (low == "ph" || std::any_of(std::begin(readings), std::end(readings), [&](const char* w) { return has(w); })) return "number";
    // "count" as a word: a country is no number.
    const bool counted = std::any_of(lowWords.begin(), lowWords.end(), [](const std::string& w) {
        const size_t at = w.rfind("count");
        return at != std::string::npos && w != "account" && w != "accounts" && (at + 5 == w.size() || w.substr(at + 5) == "s" || w.substr(at + 5) == "er");
    });
    if (has("number of") || counted || has("capacity") || has("interval") || std::count(lowWords.begin(), lowWords.end(), "age") || has("passengers") || has("guests") || has("quantity") || has("legs")) return "number";
    if (has("bio") || has("description") || has("comment") || has("note") || has("message") || has("about")) return "longtext";
    // "queen sighting", "is paid": yes or no; "receipt", "photo": a picture.
    if (has("sighting") || has("spotted") || (low.size() > 5 && low.compare(low.size() - 5, 5, " seen") == 0) || low.rfind("is ", 0) == 0 || low.rfind("has ", 0) == 0) return "bool";
    if (has("photo") || has("picture") || has("image") || has("receipt") || has("snapshot")) return "image";
    if (has("rating") || has("stars")) return "rating";
    return "text";
}

std::vector<std::string> featuresNamed(std::string_view text) {
    Words words = wordsOf(text);
    // "book" asks for booking as a verb ("book a court", "members can book"), not as the thing ("add books", "a book").
    const std::vector<std::string> toks = tokenize(text);
    static const std::set<std::string> before = {"a", "an", "the", "my", "our", "your", "their", "his", "her", "each", "every", "this", "that", "one", "new", "favorite", "favourite"};
    bool bookVerb = false;
    // "a book club", "book reviews": a thing books have or are part of.
    static const std::set<std::string> compounds = {"club", "clubs", "list", "lists", "review", "reviews", "fair", "shop", "store", "swap", "drive",
                                                    "sale", "sales", "lover", "lovers", "cover", "covers", "shelf", "shelves", "log", "tracker",
                                                    "collection", "recommendation", "recommendations", "title", "titles", "series"};
    for (size_t i = 0; i < toks.size() && !bookVerb; ++i)
        bookVerb = toks[i] == "book" && (i == 0 || !before.count(toks[i - 1])) && !(i + 1 < toks.size() && compounds.count(toks[i + 1]));
    // "a job board", "a message board": a board that lists postings is no kanban of columns.
    static const std::set<std::string> postings = {"job", "jobs", "message", "messages", "bulletin", "notice", "discussion", "classified",
                                                   "classifieds", "gig", "gigs", "chess", "game", "dart", "mood", "vision", "cork"};
    bool columnBoard = false;
    for (size_t i = 0; i < toks.size() && !columnBoard; ++i)
        columnBoard = (toks[i] == "board" || toks[i] == "boards") && !(i > 0 && postings.count(toks[i - 1])) &&
                      !(i + 1 < toks.size() && (toks[i + 1] == "game" || toks[i + 1] == "games"));  // "a board game cafe"
    // "users register and sign in", "sign up with email": joining the app is an account; "technicians register
    // samples", "guests sign up with their name and song title" add a row.
    static const std::set<std::string> joinEnds = {"and", "or", "as", "to", "now", "today", "in", "using", "via", "an", "account", "accounts", "for"};
    static const std::set<std::string> accountWords = {"email", "password", "google", "apple", "phone", "account", "username", "e-mail"};
    bool accountJoin = false;
    for (size_t i = 0; i < toks.size() && !accountJoin; ++i) {
        const bool signUp = (toks[i] == "sign" || toks[i] == "signs") && i + 1 < toks.size() && toks[i + 1] == "up";
        if (toks[i] != "register" && toks[i] != "registers" && toks[i] != "signup" && toks[i] != "sign-up" && !signUp) continue;
        const size_t next = i + (signUp ? 2 : 1);
        const bool with = next < toks.size() && toks[next] == "with";
        const bool account = with && std::any_of(toks.begin() + static_cast<long>(next), toks.begin() + static_cast<long>(std::min(next + 5, toks.size())),
                                                 [](const std::string& w) { return accountWords.count(w) > 0; });
        accountJoin = next >= toks.size() || (toks[next] == "for" ? !signUp : joinEnds.count(toks[next]) > 0) || account;
    }
    std::vector<std::string> out;
    for (auto& f : kFeatures)
        for (auto& w : splitOn(f.words, ' '))
            if (!w.empty() && (w == "book" ? bookVerb : w == "board" ? columnBoard : w == "register" || w == "sign-up" || w == "signup" ? accountJoin : words.has(w))) {
                out.push_back(f.feature);
                break;
            }
    return out;
}

std::set<std::string> wordForms(std::string_view text) { return wordsOf(text).all; }

} // namespace draft

//-----------------------------------------------------------------------------
// [SECTION] readIdea
//-----------------------------------------------------------------------------

IdeaReading readIdea(std::string_view rawIdea) {
    using namespace draft;
    IdeaReading r;
    const std::string request = safeText(rawIdea, 20000);
    // Domain words, features and the name come from what the request asks for, not the reasons its stories give.
    const std::string idea = safeText(withoutReasons(rawIdea.substr(0, 40000)), 20000);
    Words words = wordsOf(idea);

    // Domains, best first: a trigger counts once per occurrence; "book" as a verb does not count for books.
    const Lexicon& lex = lexicon();
    std::vector<std::pair<int, size_t>> scored;
    for (size_t i = 0; i < lex.entries.size(); ++i) {
        // Distinct trigger words weigh most: an idea about animals that says "Order" eight times is still about animals.
        int score = 0;
        for (auto& t : lex.entries[i].triggers) {
            int hits = static_cast<int>(std::count(words.singular.begin(), words.singular.end(), t));
            if (hits == 0 && t.find('-') != std::string::npos && words.has(t)) hits = 1;
            if (hits > 0) score += 10 + std::min(hits, 5);
        }
        if (score > 0) scored.push_back({-score, i});
    }
    std::stable_sort(scored.begin(), scored.end());

    // Features: asked for in words, then implied by the main domain.
    r.features = featuresNamed(idea);
    auto addFeature = [&](const std::string& f) {
        if (!f.empty() && std::find(r.features.begin(), r.features.end(), f) == r.features.end()) r.features.push_back(f);
    };

    // Entities are what the request itself manages (requestEntities); a lexicon domain only enriches one whose head
    // noun it knows, so an idea outside the lexicon keeps its own nouns instead of landing in the nearest template.
    // Read from the whole request: what a story's reason says of a thing counts (readNouns weighs those reasons).
    const std::vector<RequestEntity> asked = requestEntities(request);
    const std::string lowerIdea = lower(request);
    r.actors = requestActors(request);
    const size_t considered = std::min<size_t>(asked.size(), 4);
    // Confident only, and only by the entity's head noun, never by a modifier or a word elsewhere in the request
    // ("nurse shift" is no patient, "film production" no video, "paper cup inventory" holds no lamps):
    // the head is the domain's own entity noun or a synonym it renames to -> fields and rows (lendsRows);
    // the head is another trigger of the domain ("dog" for pets) -> fields only, rows invented from the request.
    // A secondary entity must also be one the request manages, and a trigger head counts only for the request's
    // subject (its best entity) when that domain is also the best scored overall ("a video conference UI").
    auto isNoun = [](const RequestEntity& a, const std::string& noun) {
        return a.head == noun || a.phrase == noun || (a.phrase.size() > noun.size() && a.phrase.compare(a.phrase.size() - noun.size() - 1, std::string::npos, " " + noun) == 0);
    };
    // "car listings" are no apartment listings: a modifier that is another domain's word keeps the head from this one.
    auto otherDomains = [&](const Lexicon::Entry& e, const RequestEntity& a) {
        for (const std::string& w : splitOn(a.phrase, ' ')) {
            if (w == a.head || std::find(e.triggers.begin(), e.triggers.end(), w) != e.triggers.end()) continue;
            for (const Lexicon::Entry& other : lex.entries)
                if (&other != &e && std::find(other.triggers.begin(), other.triggers.end(), w) != other.triggers.end()) return true;
        }
        return false;
    };
    auto lendsRows = [&](const Lexicon::Entry& e, const RequestEntity& a) {
        return isNoun(a, e.def->singular) || std::any_of(e.renames.begin(), e.renames.end(), [&](const std::string& r) { return isNoun(a, r); });
    };
    auto confident = [&](size_t domainRank, size_t k) {
        const Lexicon::Entry& e = lex.entries[scored[domainRank].second];
        if ((k > 0 && asked[k].score < 5) || otherDomains(e, asked[k])) return false;
        // A thing the request gives its own rows or three fields of, none of which the domain knows ("a ticket with
        // plate, violation and a photo" is no help-desk ticket, "a car (make, model, plate)" no ride), is not the domain's.
        const auto own = std::count_if(asked[k].attributes.begin(), asked[k].attributes.end(), [](const IdeaField& f) { return f.kind != "choice"; });
        // A status every workflow has says nothing of whose the thing is.
        const bool known = std::any_of(asked[k].attributes.begin(), asked[k].attributes.end(), [&](const IdeaField& f) {
            return f.kind != "choice" && f.name != "status" && std::any_of(e.fields.begin(), e.fields.end(), [&](const IdeaField& g) { return g.name == f.name || lower(g.label) == lower(f.label); });
        });
        if (!asked[k].examples.empty() || (own >= 3 && !known)) return false;
        // A second thing lends a domain only when the request says more of it than that one noun: a tattoo studio's
        // appointments are no clinic's.
        if (k > 0 && -scored[domainRank].first < 20) return false;
        if (lendsRows(e, asked[k])) return true;
        // Another of the domain's words as the subject ("dog" for pets) only when the request says more of it.
        return k == 0 && domainRank == 0 && -scored[domainRank].first >= 20 && std::any_of(e.triggers.begin(), e.triggers.end(), [&](const std::string& t) { return isNoun(asked[k], t); });
    };
    const Lexicon::Entry* enrichment = nullptr;
    size_t enriched = SIZE_MAX;  // the asked entity the lexicon enriches
    for (size_t i = 0; i < scored.size() && !enrichment; ++i)
        for (size_t k = 0; k < considered && !enrichment; ++k)
            if (confident(i, k)) {
                enrichment = &lex.entries[scored[i].second];
                enriched = k;
            }
    const DomainDef* main = enrichment ? enrichment->def : nullptr;
    // A checkout only where the request itself buys or pays: a kitchen's menu is no shop.
    if (main)
        for (auto& f : splitOn(main->features, ' '))
            if (f != "payments") addFeature(f);
    // Kinds of a thing given by example ("difficulty marks (green circle, blue square)") are a field's choices.
    auto choicesOnly = [&](const RequestEntity& a) { return !a.examples.empty() && kindNoun(a.head); };
    size_t enrichedAt = SIZE_MAX;  // where the entity the lexicon enriches is in r.entities
    for (size_t k = 0; k < asked.size() && r.entities.size() < 3; ++k) {
        // One head is one thing ("a tour" and "walking tours"): what the request says of either is its.
        // So is a compound of the head the domain knows ("houseplants ... mark a plant as watered").
        auto dup = std::find_if(r.entities.begin(), r.entities.end(), [&](const IdeaEntity& have) {
            const std::string last = singularOf(have.singular.substr(have.singular.rfind(' ') + 1));
            const bool compound = k == enriched && enrichment && last.size() > asked[k].head.size() &&
                                  last.compare(last.size() - asked[k].head.size(), std::string::npos, asked[k].head) == 0 &&
                                  std::find(enrichment->triggers.begin(), enrichment->triggers.end(), last) != enrichment->triggers.end();
            return last == asked[k].head || compound;
        });
        // "a podcast planner with episodes": the domain's own rows are the episodes, and they keep that name.
        // Not when it is a value those rows hold ("animals with a name, species and age"); things listed in the plural
        // are things ("a podcast planner with episodes, guests ...").
        const std::string many = pluralOf(asked[k].phrase);
        const bool heldValue = enriched < asked.size() && (many == asked[k].phrase || wordCount(lowerIdea, many) == 0) && std::any_of(asked[enriched].attributes.begin(), asked[enriched].attributes.end(),
                                                                       [&](const IdeaField& f) { return lower(f.label) == asked[k].phrase; });
        const bool domainRows = dup == r.entities.end() && enrichedAt < r.entities.size() && enrichment->def->singular == asked[k].head && !heldValue;
        if (domainRows) {
            dup = r.entities.begin() + static_cast<long>(enrichedAt);
            dup->singular = asked[k].phrase;
            dup->plural = pluralOf(asked[k].phrase);
        }
        if (dup != r.entities.end()) {
            addAskedFields(dup->fields, asked[k].attributes);
            continue;
        }
        if ((k > 0 && k != enriched && asked[k].score < 5) || choicesOnly(asked[k])) continue;
        // "view ingredients and steps" of a recipe whose text lists its ingredients: that text, no list beside it
        // (a field naming one of them, "Turbine" on an alarm, still leaves the turbines their list).
        const auto holds = [&](const IdeaEntity& e) {
            return std::any_of(e.fields.begin(), e.fields.end(), [&](const IdeaField& f) { return f.kind == "longtext" && lower(f.label) == pluralOf(asked[k].phrase); });
        };
        if (k > 0 && k != enriched && asked[k].attributes.empty() && std::any_of(r.entities.begin(), r.entities.end(), holds)) continue;
        // "Please implement an online auction website. Sellers list items ...": a second thing the request names only
        // in its subject, and says nothing of, is what the app is about, not a list beside the one it manages.
        if (k > 0 && k != enriched && asked[k].attributes.empty() && wordCount(lowerIdea, asked[k].head) + wordCount(lowerIdea, pluralOf(asked[k].head)) == 1 &&
            namesApp(lowerIdea, asked[k].head))
            continue;
        // "a dog walking scheduler. Walkers add dogs ...", "a karaoke night queue. Guests sign up ...": so is one named
        // only in the opening subject when the request goes on to say what the app keeps.
        if (k > 0 && k != enriched && asked[k].attributes.empty() && subjectOnly(lowerIdea, asked[k].phrase)) continue;
        // "donors with name and blood type ... a count per blood type", "pick a departure port to see its sailings":
        // a value the rows hold, named again, is that value (a breakdown or a filter), not a list of its own.
        const auto holdsValue = [&](const IdeaEntity& e) {
            return std::any_of(e.fields.begin(), e.fields.end(), [&](const IdeaField& f) { return lower(f.label) == asked[k].phrase; });
        };
        const auto grouping = [&] {
            for (const char* by : {"per ", "by ", "pick a ", "choose a ", "select a ", "pick the ", "choose the ", "select the ", "each "})
                if (wordCount(lowerIdea, by + asked[k].phrase) + wordCount(lowerIdea, by + pluralOf(asked[k].phrase)) > 0) return true;
            return false;
        };
        if (k > 0 && k != enriched && asked[k].attributes.empty() && std::any_of(r.entities.begin(), r.entities.end(), holdsValue) && grouping()) continue;
        // "a habit tracker with daily streaks": a count a kept thing holds ("Daily streak (days)"), named once, is that
        // number, not a list of its own.
        const auto counts = [&](const IdeaEntity& e) {
            return std::any_of(e.fields.begin(), e.fields.end(), [&](const IdeaField& f) {
                const std::vector<std::string> named = splitOn(lower(f.label.substr(0, f.label.find(" ("))), ' ');
                return f.kind == "number" && (f.name == asked[k].head || (!named.empty() && named.back() == asked[k].head));
            });
        };
        if (k > 0 && k != enriched && asked[k].attributes.empty() && wordCount(lowerIdea, asked[k].head) + wordCount(lowerIdea, pluralOf(asked[k].head)) == 1 &&
            std::any_of(r.entities.begin(), r.entities.end(), counts))
            continue;
        // A secondary noun whose feature screen is the list of them ("reminders to treat for mites", "a chat with my
        // club") is that screen, not a second list of the same things. Appointments and orders stay records: the
        // booking and checkout screens make one, they do not list them.
        static const std::set<std::string> listedByFeature = {"reminders", "notifications", "chat"};
        const std::vector<std::string> asFeature = featuresNamed(asked[k].head);
        if (k > 0 && !asFeature.empty() && listedByFeature.count(asFeature.front()) &&
            std::find(r.features.begin(), r.features.end(), asFeature.front()) != r.features.end())
            continue;
        // "a hotel room booking website ... cancel a reservation": one list of bookings, whichever word came first.
        static const std::set<std::string> bookings = {"booking", "reservation", "appointment"};
        const auto booked = [&](const IdeaEntity& e) { return bookings.count(singularOf(e.singular.substr(e.singular.rfind(' ') + 1))) > 0; };
        if (k > 0 && bookings.count(asked[k].head) && std::any_of(r.entities.begin(), r.entities.end(), booked)) continue;
        if (k != enriched) {
            r.entities.push_back(genericEntity(asked[k]));
        } else {
            // The lexicon lends fields and rows; the name stays the request's own ("weather forecast", not "city").
            IdeaEntity e = entityFrom(*enrichment, words);
            // Its rows only where the request's subject is the domain's ("a clothing store"): a farmers market
            // vendor's products are no leather jackets, so they are made from the request's own words.
            const bool sameSubject = subjectIsDomains(*enrichment, idea, rawIdea);
            if (!lendsRows(*enrichment, asked[k]) || !sameSubject) e.rows = Json::array();
            // Nor its kinds and values ("Apparel", "Travel"): under another subject it keeps the name, the workflow,
            // dates and what the request itself mentions.
            if (!sameSubject)
                e.fields.erase(std::remove_if(e.fields.begin() + 1, e.fields.end(), [&](const IdeaField& f) {
                                   const std::vector<std::string> said = splitOn(lower(f.label), ' ');
                                   const bool mentioned = !said.empty() && (words.has(said.back()) || words.has(singularOf(said.back())));
                                   return !(f.name == "status" || f.kind == "date" || mentioned);
                               }),
                               e.fields.end());
            if (std::find(asked[k].words.begin(), asked[k].words.end(), e.singular) == asked[k].words.end()) {
                // Its title keeps the domain's word only where that word is no value the request lists ("animals with a
                // name, species and age" title their rows by name).
                if (!e.fields.empty() && lower(e.fields.front().label) == e.singular) e.fields.front().label = "Name";
                e.singular = asked[k].phrase;
                e.plural = pluralOf(asked[k].phrase);
            }
            // What the request lists for it comes too ("by vet, room and time"), but not a feature ("with a timer"); its
            // stages replace the domain's ("with stages Script, Casting, ..."), and rows cycle through them.
            for (const IdeaField& f : asked[k].attributes) {
                // "with ingredients" is the domain's "Ingredients" field, though a value is named in the singular.
                auto same = std::find_if(e.fields.begin(), e.fields.end(), [&](const IdeaField& have) {
                    return have.name == f.name || lower(have.label) == lower(f.label) || singularOf(lower(have.label)) == singularOf(lower(f.label));
                });
                if (f.kind != "choice") {
                    const auto fuller = std::find_if(e.fields.begin(), e.fields.end(), [&](const IdeaField& have) { return namesMoreFully(have, f); });
                    if (same == e.fields.end() && fuller != e.fields.end()) takeName(*fuller, f);
                    else if (same == e.fields.end() && featuresNamed(f.label).empty()) e.fields.push_back(f);
                    continue;
                }
                if (same == e.fields.end()) same = e.fields.insert(e.fields.begin() + std::min<size_t>(1, e.fields.size()), f);
                else *same = f;
                for (size_t i = 0; i < e.rows.size(); ++i) e.rows[i][f.name] = f.choices[i % f.choices.size()];
            }
            enrichedAt = r.entities.size();
            r.entities.push_back(std::move(e));
        }
    }
    if (r.entities.empty()) {
        // Nothing to go on (empty, punctuation, another script): a small projects app.
        for (auto& entry : lex.entries)
            if (std::string(entry.def->key) == "projects") { main = entry.def; r.entities.push_back(entityFrom(entry, words)); }
    }

    // Examples name the rows of an entity the app lists ("a tool like a pressure washer or tile saw"), else they are
    // the choices of a field of the main entity.
    // "songs, talk breaks, station IDs" -> "Station ID": the last word singular, as the request cased it.
    auto singularValue = [](const std::string& v) {
        const size_t at = v.rfind(' ') + 1;
        const std::string last = lower(v.substr(at));
        std::string one = singularOf(last);
        // Short plurals the singular rules leave alone: "ads", "IDs" (not "gas", "bus").
        if (one == last && last.size() >= 3 && last.back() == 's' && !std::strchr("aiuos", last[last.size() - 2])) one.pop_back();
        if (one == last) return std::string();
        if (last.compare(0, one.size(), one) == 0) return v.substr(0, at + one.size());
        // A singular that is no prefix of its plural ("Batteries" -> "Battery") keeps the first letter's case.
        if (std::isupper(static_cast<unsigned char>(v[at]))) one[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(one[0])));
        return v.substr(0, at) + one;
    };
    for (const RequestEntity& a : asked) {
        if (a.examples.empty()) continue;
        auto listed = std::find_if(r.entities.begin(), r.entities.end(), [&](const IdeaEntity& e) { return e.singular == a.phrase || singularOf(e.singular) == a.head; });
        // Examples in the plural are kinds of the thing ("segments: songs, talk breaks, station IDs"), not rows of it.
        std::vector<std::string> kinds;
        size_t plurals = 0;
        for (const std::string& example : a.examples) {
            const std::string one = singularValue(example);
            plurals += one.empty() ? 0 : 1;
            kinds.push_back(one.empty() ? example : one);
        }
        const bool plural = plurals >= 2 && plurals == a.examples.size();
        const bool typed = listed != r.entities.end() && !choicesOnly(a) && plural;
        if (listed != r.entities.end() && !choicesOnly(a) && !typed) {
            // The request's own rows replace any the lexicon lent: a lexicon row beside them reads as another app's.
            listed->rows = Json::array();
            for (const std::string& example : a.examples) listed->rows.push_back(Json{{listed->fields.front().name, example}});
            continue;
        }
        IdeaEntity& owner = typed ? *listed : r.entities.front();
        const std::vector<std::string>& values = plural ? kinds : a.examples;
        const IdeaField choice = typed ? IdeaField{camelKey(a.head + " type"), capitalized(a.head + " type"), "choice", values}
                                       : IdeaField{camelKey(a.phrase), capitalized(a.phrase), "choice", values};
        auto same = std::find_if(owner.fields.begin(), owner.fields.end(), [&](const IdeaField& f) { return f.name == choice.name; });
        if (same != owner.fields.end()) *same = choice;
        else owner.fields.insert(owner.fields.begin() + std::min<size_t>(1, owner.fields.size()), choice);
        for (size_t i = 0; i < owner.rows.size(); ++i) owner.rows[i][choice.name] = choice.choices[i % choice.choices.size()];
    }

    // "inspections for each hive", "lessons per student", "a vehicle's service records": a row that belongs to another
    // names it (a reference whose choices are that entity's rows, see linkRows).
    for (IdeaEntity& child : r.entities)
        for (const IdeaEntity& parent : r.entities)
            if (&child != &parent && belongsTo(lowerIdea, child, parent) && !belongsTo(lowerIdea, parent, child) && addReference(child, parent)) break;

    // "when brewers start a batch they pick a recipe and a tank": a row names each row picked for it.
    for (IdeaEntity& child : r.entities)
        for (const IdeaEntity& parent : r.entities)
            if (&child != &parent && picksFor(lowerIdea, child, parent)) addReference(child, parent);

    // "seeing quality from 1 to 5", "difficulty (1-10)", "a score on a scale of 1 to 10": a number in that range,
    // stars when it goes up to five.
    const std::string rated = lowerIdea.substr(0, 4000);  // std::regex recurses per character: a bounded text keeps the stack bounded
    for (IdeaEntity& e : r.entities)
        for (IdeaField& f : e.fields) {
            // Not the row's title: "rate recipes from 1 to 5" rates them (a rating field of its own).
            if ((f.kind != "text" && f.kind != "choice" && f.kind != "number") || &f == &e.fields.front()) continue;
            std::smatch m;
            const std::string label = std::regex_replace(lower(f.label), std::regex(R"([^a-z0-9 ])"), "");
            if (label.empty() || !std::regex_search(rated, m, std::regex("\\b" + label + R"(s?\s*(?:from|between|on a scale of|\(|rated)\s*(\d{1,3})\s*(?:to|and|-)\s*(\d{1,3})\b)")))
                continue;
            const int lo = std::stoi(m[1].str()), hi = std::stoi(m[2].str());
            if (hi <= lo || hi > 100) continue;
            f.kind = lo >= 0 && lo <= 1 && hi == 5 ? "rating" : "number";
            f.choices.clear();
            for (size_t i = 0; i < e.rows.size(); ++i) e.rows[i][f.name] = f.kind == "rating" ? static_cast<int>(3 + i % 3) : lo + static_cast<int>(i * 7 % (hi - lo + 1));
        }

    // Quoted labels: heading, buttons, form fields, groups (tabs/columns -> the category's choices), rows.
    std::vector<QuotedLabel> labels = quotedLabels(idea);
    IdeaEntity& primary = r.entities.front();
    std::vector<std::string> groups;
    std::vector<QuotedRow> content;
    bool afterRow = false;   // the previous label was a row or one of its values: a value label belongs to that row
    std::string currentGroup;
    IdeaField* lastChoice = nullptr;
    auto isGroup = [&](const std::string& text) {
        for (auto& g : groups)
            if (lower(g) == lower(text)) return &g;
        return static_cast<std::string*>(nullptr);
    };
    for (auto& l : labels) {
        r.labels.push_back(l.text);
        bool rowValue = afterRow && l.role == LabelRole::Content && isQuotedValue(l.text);
        afterRow = rowValue;
        if (rowValue) { content.back().values.push_back(l.text); continue; }
        if (l.role != LabelRole::Heading && l.role != LabelRole::Button && l.role != LabelRole::Input) {
            if (std::string* g = isGroup(l.text)) { currentGroup = *g; continue; }
        }
        switch (l.role) {
        case LabelRole::Heading:
            if (std::count_if(l.text.begin(), l.text.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); }) >= 2) r.heading = l.text;
            break;
        case LabelRole::Button:
            if (std::find(r.buttons.begin(), r.buttons.end(), l.text) == r.buttons.end()) r.buttons.push_back(l.text);
            break;
        case LabelRole::Group: groups.push_back(l.text); break;
        case LabelRole::Section: break;
        case LabelRole::Content: {
            // Row names, not sentences, prices or chat lines ("Alice: Hi there!" seeds a chat instead).
            bool name = l.text.find(": ") == std::string::npos && l.text[0] != '$' && !isQuotedValue(l.text) &&
                        lower(l.text) != lower(r.heading);
            for (auto& c : content) name = name && lower(c.name) != lower(l.text);
            if (name) {
                // "Soup - $8": the row "Soup" with the value "$8".
                size_t dash = l.text.find(" - $");
                content.push_back({l.text.substr(0, dash), currentGroup, {}});
                if (dash != std::string::npos) content.back().values.push_back(l.text.substr(dash + 3));
                afterRow = true;
            }
            break;
        }
        case LabelRole::Option:
            if (lastChoice) lastChoice->choices.push_back(l.text);
            else groups.push_back(l.text);
            break;
        case LabelRole::Input: {
            if (lower(l.text).rfind("search", 0) == 0) break;   // every list already has a search field
            std::string key = camelKey(l.text);
            IdeaField* existing = nullptr;
            for (auto& f : primary.fields)
                if (f.name == key || lower(f.label) == lower(l.text)) existing = &f;
            if (existing) {
                existing->label = l.text;
            } else {
                primary.fields.push_back({key, l.text, fieldKindFor(l.text, l.widget), {}});
                existing = &primary.fields.back();
            }
            lastChoice = existing->kind == "choice" ? existing : nullptr;
            if (lastChoice && l.widget == "choice") lastChoice->choices.clear();
            break;
        }
        }
    }
    for (auto& f : primary.fields)
        if (f.kind == "choice" && f.choices.empty()) f.choices = {"Yes", "No"};
    // Group labels become the choices of the category field (tabs, kanban columns, menu courses).
    IdeaField* cat = nullptr;
    if (groups.size() >= 2) {
        for (auto& f : primary.fields)
            if (f.kind == "choice" && !cat) cat = &f;
        if (!cat) {
            primary.fields.insert(primary.fields.begin() + 1, IdeaField{"group", "Group", "choice", {}});
            cat = &primary.fields[1];
        }
        cat->choices.assign(groups.begin(), groups.begin() + std::min<size_t>(groups.size(), 8));
        for (size_t i = 0; i < primary.rows.size(); ++i) primary.rows[i][cat->name] = cat->choices[i % cat->choices.size()];
    }
    // Content labels name the sample rows ("Lion", "Soup - $8"), keeping the domain's other values unless the
    // idea quotes its own ("5 Stars").
    if (!content.empty() && !primary.fields.empty()) {
        // Names, not references: a quoted value can add a field (fillQuotedValue).
        const std::string title = primary.fields.front().name, category = cat ? cat->name : "";
        Json rows = Json::array();
        for (size_t i = 0; i < content.size() && i < 24; ++i) {
            Json row = primary.rows.empty() ? Json::object() : primary.rows[i % primary.rows.size()];
            if (!category.empty() && !content[i].group.empty()) row[category] = content[i].group;
            for (auto& v : content[i].values) fillQuotedValue(row, primary.fields, v);
            row[title] = content[i].name;
            rows.push_back(std::move(row));
        }
        primary.rows = std::move(rows);
    }
    // Fill fields the rows do not have yet (fields added from the idea's own form labels).
    for (size_t i = 0; i < primary.rows.size(); ++i)
        for (auto& f : primary.fields)
            if (!primary.rows[i].contains(f.name)) primary.rows[i][f.name] = nullptr;

    // Device: desktop for admin/B2B/dashboards and websites unless the idea says phone; tablet when asked.
    auto any = [&](const auto& list) {
        for (const char* w : list)
            if (words.has(w)) return true;
        return false;
    };
    bool desktopDomain = main && std::string(main->device) == "desktop";
    if (any(kTabletWords)) r.device = "tablet";
    else if ((any(kDesktopWords) || desktopDomain) && !(words.has("phone") || words.has("mobile") || words.has("iphone") || words.has("android"))) r.device = "desktop";
    else r.device = "phone";
    r.style = readRequestStyle(idea);
    // The values the request colours show in those colours wherever a choice holds them.
    for (IdeaEntity& e : r.entities)
        for (IdeaField& f : e.fields)
            for (const RequestStyle::StatusColour& c : r.style.statusColours)
                for (const std::string& choice : f.choices)
                    if (lower(choice) == lower(c.value)) f.choiceTones[choice] = c.tone;

    if (main) {
        r.domain = main->key;
        r.preset = main->preset;
        r.brand = main->brand;
    }
    if (r.features.empty() || (r.features.size() == 1 && r.features[0] == "settings")) addFeature("charts");
    addFeature("search");
    addFeature("settings");

    // Name: the idea's own short heading, else the business it names, else its subject, else its main noun.
    std::string heading = r.heading;
    size_t headingWords = std::count(heading.begin(), heading.end(), ' ') + 1;
    size_t letters = std::count_if(heading.begin(), heading.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); });
    if (letters >= 3 && headingWords <= 3 && heading.size() <= 24) r.appName = heading;
    else if (std::string name = requestProperName(idea); !name.empty()) r.appName = name;
    else if (std::string subject = requestSubject(idea); !subject.empty()) r.appName = subject;
    else if (primary.singular == "reading" && primary.fields.size() > 2 && primary.fields[1].label.size() + primary.fields[2].label.size() <= 21)
        r.appName = titleCased(primary.fields[1].label + " & " + primary.fields[2].label);  // what is read, not "Readings"
    else r.appName = titleCased(primary.plural);  // the request's own noun: a lexicon domain's product name would be another app's
    // "SKU", "VIN", "ETA": a label word the request writes in capitals keeps them ("Sku" reads as a typo).
    for (IdeaEntity& e : r.entities)
        for (IdeaField& f : e.fields) {
            std::string label;
            for (const std::string& w : splitOn(f.label, ' ')) label += (label.empty() ? "" : " ") + upperAsWritten(lower(w), request, w);
            f.label = label;
        }
    r.summary = summarize(idea);
    r.requirements = requirementStatements(rawIdea);
    r.request = request;
    if (r.summary.empty()) r.summary = "Your " + primary.plural + " in one place";
    return r;
}

} // namespace pt
