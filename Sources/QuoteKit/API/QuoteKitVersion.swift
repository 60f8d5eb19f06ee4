/// QuoteKit's version.
public enum QuoteKitVersion {
    public static let string = "0.1.0"
}
