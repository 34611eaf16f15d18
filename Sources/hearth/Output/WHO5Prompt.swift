import JournalKit

/// What `review --write` prints on stderr when it adds an empty `who5:`: the WHO-5 questions and
/// scale (``WHO5Questionnaire``), how to record the answers with `hearth set`, and how `review`
/// reads the score.
enum WHO5Prompt {
    /// The prompt for the entry at `path` (as printed for the user, ``DisplayPath``).
    static func render(path: String) -> String {
        var lines = ["\(path) has an empty who5: the WHO-5 check-in. Over the last two weeks, how often:"]
        for (number, item) in WHO5Questionnaire.items.enumerated() { lines.append("  \(number + 1). \(item)") }
        lines.append("Answer each 0-5: " + WHO5Questionnaire.scale.map { "\($0.0) \($0.1)" }.joined(separator: ", ") + ".")
        lines.append("Write the five answers in this order, e.g. who5: [3, 4, 2, 3, 4], or: hearth set \(path) 'who5=[3, 4, 2, 3, 4]'.")
        let low = ReviewRules.who5LowRaw
        lines.append("hearth review then shows the score: the sum (0-25) times 4 as a percentage; below \(low) (\(low * 4)%) is low well-being, "
                     + "worth talking to someone about; a change of \(ReviewRules.who5MeaningfulChange) percentage points or more is meaningful.")
        return lines.joined(separator: "\n") + "\n"
    }
}
