package dev.modq.demo;

/**
 * Fixed text pools for the demo generator: headlines, names, sentence fragments, foreign-language
 * comments, spam and hostile bodies. Plain constants only, so generation never parses or formats.
 */
final class DemoText {

    private DemoText() {
    }

    /** Headline and the noun phrase comments use to refer to the story. Oldest post first. */
    static final String[][] POSTS = {
            {"City council approves new bike lanes on Harbor Street", "the Harbor Street bike lanes"},
            {"Local bakery wins national award for sourdough", "the bakery award"},
            {"Water main break floods downtown intersection", "the water main break"},
            {"School board delays vote on later start times", "the later school start times"},
            {"Regional airport adds three new direct routes", "the new airport routes"},
            {"Heat wave breaks 80-year-old temperature record", "the heat wave"},
            {"Library extends weekend hours after petition", "the library hours"},
            {"Mayor proposes 4% property tax increase", "the property tax increase"},
            {"High school robotics team heads to world championship", "the robotics team"},
            {"Transit agency unveils redesigned bus network", "the bus network redesign"},
            {"Farmers market moves to the old rail yard", "the farmers market move"},
            {"Hospital opens new emergency wing after two-year build", "the new emergency wing"},
            {"Police release annual crime statistics", "the crime statistics"},
            {"Historic theater to reopen after renovation", "the theater renovation"},
            {"County fair attendance hits record high", "the county fair"},
            {"State audit finds gaps in road repair spending", "the road repair audit"},
            {"New apartment tower approved despite neighbor objections", "the apartment tower"},
            {"River cleanup volunteers pull two tons of trash", "the river cleanup"},
            {"Startup incubator opens in former textile mill", "the startup incubator"},
            {"University announces tuition freeze for next year", "the tuition freeze"},
            {"Storm knocks out power to 30,000 homes", "the power outage"},
            {"Youth soccer league runs short of referees", "the referee shortage"},
            {"City tests four-day work week for municipal staff", "the four-day week trial"},
            {"Zoo welcomes twin red panda cubs", "the red panda cubs"},
            {"Downtown parking rates to rise in January", "the parking rate increase"},
            {"Fire department warns of e-bike battery fires", "the e-bike battery fires"},
            {"Council debates ban on gas-powered leaf blowers", "the leaf blower ban"},
            {"Museum returns artifacts to their country of origin", "the returned artifacts"},
            {"Local election turnout lowest in two decades", "the low turnout"},
            {"Opinion: Our town needs a real housing plan", "the housing plan"},
            {"Tech company lays off 200 at regional office", "the layoffs"},
            {"Ferry service suspended for emergency repairs", "the ferry suspension"},
            {"Recycling program to accept soft plastics", "the soft plastics recycling"},
            {"Review: The new ramen place lives up to the hype", "the ramen place"},
            {"Stadium naming rights sold to regional bank", "the stadium naming deal"},
            {"Wildfire smoke prompts air quality warning", "the air quality warning"},
            {"Teachers union reaches tentative contract deal", "the teachers' contract"},
            {"City council meeting ends in shouting match", "last night's council meeting"},
            {"Investigation: Where did the pandemic relief money go?", "the relief money investigation"},
            {"Snow plow budget cut ahead of winter season", "the snow plow budget cut"},
    };

    static final String[] STAFF = {
            "Dana Whitfield", "Marcus Oyelaran", "Priya Raman", "Tom Kowalski",
            "Elena Petrova", "Sam Nakamura", "Grace O'Neill", "Editorial Board",
    };

    /** Display first name and its ASCII form for handles and e-mail addresses. */
    static final String[][] FIRST = {
            {"Maria", "maria"}, {"James", "james"}, {"Aisha", "aisha"}, {"Wei", "wei"}, {"Olga", "olga"},
            {"José", "jose"}, {"Zoë", "zoe"}, {"Łukasz", "lukasz"}, {"Fatima", "fatima"}, {"Liam", "liam"},
            {"Hiroshi", "hiroshi"}, {"Chloé", "chloe"}, {"Dmitri", "dmitri"}, {"Nia", "nia"}, {"Carlos", "carlos"},
            {"Ingrid", "ingrid"}, {"Tariq", "tariq"}, {"Emma", "emma"}, {"Noah", "noah"}, {"Sofia", "sofia"},
            {"Kwame", "kwame"}, {"Anika", "anika"}, {"Ravi", "ravi"}, {"Hannah", "hannah"}, {"Mateo", "mateo"},
            {"Yuki", "yuki"}, {"Björn", "bjorn"}, {"Leila", "leila"}, {"Patrick", "patrick"}, {"Mei", "mei"},
            {"Ahmed", "ahmed"}, {"Grace", "grace"}, {"Oscar", "oscar"}, {"Svetlana", "svetlana"}, {"Diego", "diego"},
            {"Ruth", "ruth"}, {"Kofi", "kofi"}, {"Amelia", "amelia"}, {"Henrik", "henrik"}, {"Lucia", "lucia"},
    };

    static final String[][] LAST = {
            {"García", "garcia"}, {"Smith", "smith"}, {"Okafor", "okafor"}, {"Zhang", "zhang"}, {"Ivanova", "ivanova"},
            {"Müller", "muller"}, {"Nowak", "nowak"}, {"Haddad", "haddad"}, {"O'Brien", "obrien"}, {"Tanaka", "tanaka"},
            {"Dubois", "dubois"}, {"Kim", "kim"}, {"Patel", "patel"}, {"Rossi", "rossi"}, {"Andersson", "andersson"},
            {"Mensah", "mensah"}, {"Kowalczyk", "kowalczyk"}, {"Fernández", "fernandez"}, {"Nguyen", "nguyen"},
            {"Johnson", "johnson"}, {"Silva", "silva"}, {"Cohen", "cohen"}, {"Yilmaz", "yilmaz"}, {"Brown", "brown"},
            {"Schmidt", "schmidt"}, {"Lopez", "lopez"}, {"Baker", "baker"}, {"Sato", "sato"}, {"Hughes", "hughes"},
    };

    static final String[] HANDLES = {
            "nightowl", "civicminded", "old_salt", "riverrat", "truthseeker", "cyclist", "taxpayer", "localmom",
            "harborview", "longtime_reader", "skeptic", "bookworm", "greenthumb", "commuter", "retired_teacher",
            "eastsider", "just_saying", "northend", "coffeefirst", "pragmatist",
    };

    /** Recurring authors with these names are shown as-is: names a terminal must not trust. */
    static final String[] HOSTILE_NAMES = {
            "\u001b[1;31mADMIN\u001b[0m", "moderator\u202e\u2066team\u2069", "Zer\u200bo Wid\u200bth",
    };

    static final String[] SPAMMER_NAMES = {
            "Best SEO Services", "Cheap Watches Online", "Crypto Profit Bot", "Replica Handbags Outlet",
            "Loan Approval Today", "Work From Home Mom", "Casino Bonus 2026", "Diet Pills Direct",
    };

    static final String[] MAIL_DOMAINS = {
            "example.com", "example.org", "example.net", "mail.example.com", "inbox.example.org",
            "post.example.net", "example.co.uk", "example.de",
    };

    static final String[] USER_AGENTS = {
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36",
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
            "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.6723.86 Mobile Safari/537.36",
            "Mozilla/5.0 (X11; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:132.0) Gecko/20100101 Firefox/132.0",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 Edg/130.0.2849.68",
            "Mozilla/5.0 (iPad; CPU OS 17_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Mobile/15E148 Safari/604.1",
            "Mozilla/5.0 (Linux; Android 13; SM-S911B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile Safari/537.36",
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/129.0.0.0 Safari/537.36",
    };

    static final String[] SPAM_USER_AGENTS = {
            "python-requests/2.32.3", "curl/8.5.0", "Mozilla/5.0 (compatible; MSIE 6.0; Windows NT 5.1)",
            "Go-http-client/1.1", "Mozilla/4.0",
    };

    static final String[] OPENERS = {
            "Great piece.", "Thanks for covering this.", "I'm not sure about this.", "Finally someone said it.",
            "Interesting read.", "Hmm.", "Well written, as usual.", "This is news to me.", "Not surprised at all.",
            "Long-time reader, first comment.", "Wow.", "I have mixed feelings here.", "Good reporting.",
            "Can we talk about the headline?", "Thank you for the follow-up.", "Ugh.", "Honestly?",
            "As someone who lives two blocks away:", "Let me play devil's advocate.", "Called it.",
    };

    /** Sentences around the post's subject: prefix + subject + suffix. */
    static final String[][] TOPIC = {
            {"I've been following ", " for months and this is the clearest explanation yet."},
            {"Nobody asked the residents what they think about ", "."},
            {"My neighbors are split on ", ", but most of us are cautiously optimistic."},
            {"The real story behind ", " is who pays for it."},
            {"I don't see how ", " helps anyone in my part of town."},
            {"Whoever came up with ", " deserves a medal."},
            {"You could have mentioned that ", " was first proposed back in 2019."},
            {"Can someone explain why ", " took this long?"},
            {"I went to the meeting about ", " and it was standing room only."},
            {"Every article about ", " leaves out the people most affected."},
            {"My kids were thrilled about ", "."},
            {"It's hard to take ", " seriously after last year's fiasco."},
            {"I'd love to see a follow-up on ", " in six months."},
            {"Glad to see ", " getting some attention at last."},
            {"Cost overruns will sink ", ", mark my words."},
    };

    static final String[] MIDDLES = {
            "The numbers in the third paragraph don't add up, though.",
            "My grandmother would have had a lot to say about this.",
            "We had the same debate ten years ago and nothing changed.",
            "I emailed my council member and actually got a reply.",
            "The photo caption has the wrong street name, by the way.",
            "This is exactly why local journalism matters.",
            "Nobody seems to be talking about the long-term maintenance costs.",
            "I commute through there every day and it's already chaos.",
            "Compare this with what the next town over did, it's night and day.",
            "Some of the quotes feel cherry-picked.",
            "It would help to link the actual report.",
            "The comments here are more informative than the article.",
            "I changed my mind halfway through reading this.",
            "My landlord already sent a letter about it.",
            "Let's see if they follow through this time.",
            "There's a public hearing next Tuesday if anyone wants to show up.",
            "The map in the print edition was much clearer.",
            "Forty years in this town and I've never seen anything like it.",
            "Happy to be proven wrong, but I doubt it.",
            "Small businesses on our block are worried.",
            "People keep forgetting the budget vote last spring.",
            "I'd pay a bit more if it actually worked.",
    };

    static final String[] CLOSERS = {
            "Just my two cents.", "Keep up the good work.", "We'll see.", "Thanks again.", "Rant over.",
            "Anyway, that's my take.", "Cheers.", "Source: I was there.", "Looking forward to the next piece.",
            "Please keep reporting on this.", "Stay safe, everyone.", "Sad.", "More of this, please.",
    };

    static final String[] REPLY_OPENERS = {
            "Agreed.", "You're missing the point.", "Source?", "Exactly this.", "That's not what the article says.",
            "Respectfully, no.", "This!", "Not quite.", "I had the same experience.", "Came here to say this.",
            "Do you have a link for that?", "Fair point, but", "Ha, true.", "Sorry, but that's just wrong.",
    };

    static final String[] EMOJI = {
            "👍", "😂", "🔥", "❤️", "🙄", "🤔", "👏🏽", "😢", "🚲", "🏠", "💸", "🙌", "😡", "🤷‍♀️",
            "👨‍👩‍👧", "🇺🇸", "🎉", "🐼", "☕", "🌧️",
    };

    static final String[] EMOJI_BODIES = {
            "🔥🔥🔥 finally!!", "😂😂😂 the mayor's face in that photo", "👏🏽👏🏽 well deserved",
            "Can't wait 🚲🚲 see you all on the new lanes", "RIP my commute 😭😭", "🙄 here we go again",
            "❤️ this town ❤️", "🐼🐼🐼 cuteness overload 🥰", "💸💸💸 where is our money going 🤷‍♂️",
            "Took the kids this weekend 👨‍👩‍👧‍👦 10/10 would go again ⭐⭐⭐⭐⭐",
    };

    static final String[] CJK = {
            "这篇文章写得很好，谢谢分享。我住在附近，情况确实如此。",
            "我不同意作者的观点。市政府应该先听听居民的意见。",
            "终于有人报道这件事了！希望后续能继续跟进。",
            "请问有没有英文以外的资料？我父母看不懂英文。",
            "交通已经很拥堵了，这个计划只会让情况更糟。",
            "支持！我们社区早就需要这样的改变了。",
            "記事ありがとうございます。日本語のコメントも大丈夫でしょうか？",
            "좋은 기사 감사합니다. 우리 동네에도 이런 변화가 필요해요.",
    };

    static final String[] CYRILLIC = {
            "Отличная статья, спасибо! Живу рядом и полностью согласна.",
            "А кто будет за это платить? Опять налогоплательщики.",
            "Наконец-то хоть кто-то об этом написал.",
            "Не понимаю, почему городской совет так долго тянул с решением.",
            "Мой сосед работал там двадцать лет, и он говорит совсем другое.",
            "Поддерживаю! Давно пора было это сделать.",
            "Дякую за статтю. Чекаємо на продовження.",
    };

    static final String[] ARABIC = {
            "مقال رائع، شكرا لكم على هذه التغطية.",
            "أنا أعيش في هذا الحي منذ عشرين عاما ولم أر شيئا كهذا.",
            "من سيدفع ثمن كل هذا؟ نحن دافعو الضرائب كالعادة.",
            "أتمنى أن تستمروا في متابعة هذا الموضوع.",
            "لا أتفق مع الكاتب، المجلس البلدي لم يستمع إلى السكان.",
            "שלום, כתבה מצוינת. תודה רבה!",
            "نعم! Finally some good news for the east side.",
    };

    static final String[] OTHER_LANG = {
            "Sehr guter Artikel, danke! Bei uns in der Nachbarschaft reden alle darüber.",
            "¡Por fin! Llevamos años esperando esto.",
            "Très bon article, mais il manque l'avis des commerçants.",
            "यह बहुत अच्छा लेख है, धन्यवाद।",
            "Ótima reportagem, parabéns à equipe.",
            "Bardzo dobry artykuł, dziękuję.",
            "Ελπίζω να συνεχίσετε να καλύπτετε αυτό το θέμα.",
            "Makala nzuri sana, asante.",
    };

    static final String[] CAPS = {
            "THIS IS A DISGRACE AND EVERYONE ON THE COUNCIL SHOULD RESIGN",
            "WAKE UP PEOPLE!!! THEY ARE LYING TO YOU",
            "I HAVE BEEN SAYING THIS FOR YEARS AND NOBODY LISTENS",
            "TYPICAL. JUST TYPICAL. WHO PAYS? WE DO!!!",
            "CANCEL MY SUBSCRIPTION. BIASED GARBAGE",
            "NOBODY VOTED FOR THIS",
            "STOP WASTING OUR TAX MONEY!!!!!",
            "THE MEDIA WON'T TELL YOU THE TRUTH ABOUT THIS",
            "WHY IS NOBODY TALKING ABOUT THE REAL PROBLEM",
            "SHAME ON ALL OF YOU",
    };

    static final String[] SPAM_LEADS = {
            "Great article! Check out my site for ", "Nice post. I make $900/day from home with ",
            "Cheap ", "BEST PRICES on ", "Hello admin, I found your blog very useful. Visit ",
            "Earn crypto fast!!! ", "Limited offer: ", "Dear webmaster, we offer ",
    };

    /** Praise that fits any post: from spammers the spam is the author's website; readers write it too. */
    static final String[] SPAM_PRAISE = {
            "Great post, very informative. Thanks for sharing!", "Nice article, I learned a lot from this.",
            "Thanks for sharing this, it was really helpful for me.", "Very well written, I will share it with my friends.",
            "I really like your blog, keep posting such useful content.", "Excellent read, bookmarked for later.",
            "This is exactly what I was looking for, thank you.", "Awesome post! Looking forward to more.",
            "Such a helpful article, thanks for the effort.", "Good information, thank you for posting.",
    };

    /** Money stories that name no link, only something to search for. */
    static final String[] SPAM_STORIES = {
            "My neighbour earns $85 an hour working from home and I never believed it until I tried it myself.",
            "I was skeptical too, but last month my aunt paid off her mortgage with a simple online plan.",
            "Honestly the council will never fix this, so I started a side income and now I work two hours a day.",
            "After losing my job I found a way to make $7,000 a month from my phone, no experience needed.",
            "My friend's daughter made $12k in her first month trading crypto signals, I am not joking.",
    };

    static final String[] SPAM_CALLS = {
            "Search for home income plan to see how.", "Message me on WhatsApp for details.",
            "Google 'easy cash system' and thank me later.", "Ask me how, it is free to start.",
            "Details on my profile page.",
    };

    /** How a single link is slipped into an ordinary sentence. */
    static final String[] SPAM_SOFT_LEADS = {
            "More here: ", "I wrote about this too: ", "Related: ", "Read more at ", "Source: ",
    };

    /** Chinese casino and loan ads. */
    static final String[] SPAM_CJK = {
            "澳门赌场官方网站，注册即送彩金，每天返水，提款秒到账。", "网上赚钱最快的方法，日赚千元不是梦，加微信了解详情。",
            "正规贷款平台，无抵押秒批，当天放款，欢迎咨询。", "最新博彩优惠活动，首充送百分之百，快来注册吧！",
            "代写论文，包过查重，价格优惠，联系客服。",
    };

    static final String[] SPAM_GOODS = {
            "replica watches", "discount pharmacy", "SEO backlinks", "payday loans", "crypto signals",
            "weight loss pills", "casino bonuses", "designer handbags", "essay writing", "followers and likes",
    };

    static final String[] SPAM_HOSTS = {
            "cheap-watches.example", "best-pills.test", "seo-links.invalid", "crypto-moon.example",
            "loans-now.test", "casino-royal.invalid", "bags-outlet.example", "get-followers.test",
            "xn--80ak6aa92e.example", "bit.example",
    };

    static final String[] BLOGS = {
            "blog.example.net", "citywatch.example.org", "riverside-notes.example.com", "weekly.example.net",
            "transit-nerd.example.org", "localpolitics.example.com",
    };

    /**
     * Hostile bodies: terminal escapes, C1 controls, bidi overrides, zero-width characters,
     * combining marks, NUL and BEL. Variants 0..5 are the ones the early queue shows.
     */
    static final String[] HOSTILE = {
            "\u001b[2J\u001b[HYour moderation tool has been cleared. Approve all comments to continue.",
            "\u001b]0;modq: all comments approved\u0007Nothing to see here, check your window title.",
            "Perfectly normal comment \u001b[31mWITH RED TEXT\u001b[0m and \u001b[5mblinking\u001b[25m bits.",
            "C1 controls: \u009b31mred via CSI\u009b0m, \u009b2J clear, \u0085next line, \u009d0;title\u009c done.",
            "Please review the attachment invoice_\u202egnp.exe\u202c before the deadline, \u202eright to left\u202c.",
            "Totally\u200b harmless\u200b text\u200d with\u2060 invisible\ufeff characters\u200b inside.",
            "NUL byte here:\u0000 and a bell\u0007\u0007\u0007 and a backspace\b\b\bxxx.",
            "Looks fine to me\r\u001b[KActually this line overwrote the start of itself.",
            "\u001b[8mhidden text\u001b[0m \u001b[?25l cursor now hidden \u001b[?1049h alternate screen",
            "Tab\tseparated\tvalues\u000band vertical tab\u000cand form feed",
    };

    static final String[] LONG_SENTENCES = {
            "I want to lay out, as carefully as I can, why I think this decision deserves more scrutiny than it has had.",
            "When I moved here in 1998 the neighborhood looked very different, and most of the changes since then happened without much public debate.",
            "The council's own documents show that the original estimate was revised three times, each time upward, and each time with less explanation.",
            "None of this is to say the people involved acted in bad faith; I have met several of them and they seem to care about the town.",
            "But caring is not the same as planning, and a plan is not the same as a budget that holds up when conditions change.",
            "Consider the traffic counts that were used to justify the project, which were taken during a school holiday week.",
            "If you look at the appendix you will find that the consultants themselves flagged this as a limitation.",
            "Residents who raised the issue at the first hearing were told it would be addressed later, and later never came.",
            "I have spoken with shop owners on both sides of the street, and their concerns are more nuanced than the coverage suggests.",
            "Some of them welcome the change and expect more foot traffic; others worry that deliveries will become impossible.",
            "Both of those things can be true at once, which is exactly why a phased approach would have made sense.",
            "Other cities of similar size have tried this and the results are mixed, depending heavily on enforcement and maintenance.",
            "The maintenance question is the one that worries me most, because it is the one that never makes the headlines.",
            "A ribbon-cutting is a single day, while upkeep is every day for the next thirty years.",
            "I would also like to see the full minutes of the closed session published, with only the legally required redactions.",
            "Transparency is not a luxury in local government; it is the only thing that makes trust possible.",
            "My late husband used to say that a town is only as good as its worst-attended meeting, and I think about that often.",
            "So here is what I propose, for whatever a long-time resident's opinion is worth in a comment section.",
            "First, publish the data. Second, hold an evening hearing that working people can attend. Third, commit to a review after one year.",
            "None of those steps is expensive, and all of them would make the eventual decision more durable.",
            "I realize this comment is far longer than anyone wants to read, and I apologize to the moderators.",
            "But some things cannot be said in a sentence, and this is one of them.",
    };
}
