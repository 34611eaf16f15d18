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

    /// The questions and how to answer them, for a person about to fill in `who5:` of the entry at `path`.
    public static func prompt(path: String) -> String {
        var lines = ["\(path) has an empty who5: the WHO-5 check-in. Over the last two weeks, how often:"]
        for (number, item) in items.enumerated() { lines.append("  \(number + 1). \(item)") }
        lines.append("Answer each 0-5: " + scale.map { "\($0.0) \($0.1)" }.joined(separator: ", ") + ".")
        lines.append("Write the five answers in this order, e.g. who5: [3, 4, 2, 3, 4], or: hearth set \(path) 'who5=[3, 4, 2, 3, 4]'.")
        let low = ReviewRules.who5LowRaw
        lines.append("review then shows the score: the sum (0-25) times 4 as a percentage; below \(low) (\(low * 4)%) is low well-being, "
                     + "worth talking to someone about; a change of \(ReviewRules.who5MeaningfulChange) points or more is meaningful.")
        return lines.joined(separator: "\n") + "\n"
    }
}
