using System;

namespace Voucherify
{
    /// <summary>
    /// Replaces the configured secret key with <c>***</c> in text the server sent, so an endpoint that echoes the
    /// request headers (a debugging gateway, a misconfigured proxy, a man in the middle) cannot carry it into an
    /// exception or a log event. The key is looked for as sent, percent-encoded and JSON-escaped.
    /// </summary>
    internal sealed class SecretRedactor
    {
        public const string Mask = "***";

        private readonly string[] _forms;

        public SecretRedactor(string? secret)
        {
            if (string.IsNullOrEmpty(secret))
            {
                _forms = Array.Empty<string>();
                return;
            }
            var json = secret!.Replace("\\", "\\\\").Replace("\"", "\\\"");
            _forms = new[] { secret, Uri.EscapeDataString(secret), json, json.Replace("/", "\\/") };
        }

        /// <summary>The text with every occurrence of the secret key replaced by <see cref="Mask"/>.</summary>
        public string? Redact(string? text)
        {
            if (string.IsNullOrEmpty(text)) return text;
            foreach (var form in _forms)
                if (text!.IndexOf(form, StringComparison.Ordinal) >= 0) text = text.Replace(form, Mask);
            return text;
        }
    }
}
