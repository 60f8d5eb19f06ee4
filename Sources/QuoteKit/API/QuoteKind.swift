/// What a quotation is.
public enum QuoteKind: String, Sendable, Codable, CaseIterable {
    /// The statement itself is quoted: `Teigen wrote, "We tried everything."`
    case direct
    /// A quoted fragment inside reported speech: `vowed to prosecute "those who broke the law"`.
    case partial
}
