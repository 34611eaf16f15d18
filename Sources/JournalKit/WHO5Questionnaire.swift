/// The WHO-5 Well-Being Index (WHO, 1998; free to use): five statements about the last two
/// weeks, each answered 0-5, that a week entry's `who5:` list holds in this order.
public enum WHO5Questionnaire {
    /// The five statements, in the order of `who5:`.
    public static let items = [
        "I have felt cheerful and in good spirits",
        "I have felt calm and relaxed",
        "I have felt active and vigorous",
        "I woke up feeling fresh and rested",
        "My daily life has been filled with things that interest me",
    ]

    /// What each answer means, from 5 down to 0.
    public static let scale = [
        (5, "all of the time"), (4, "most of the time"), (3, "more than half of the time"),
        (2, "less than half of the time"), (1, "some of the time"), (0, "at no time"),
    ]
}
