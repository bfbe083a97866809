namespace SmsGateway.Core.Modem;

/// <summary>An SMS-STATUS-REPORT for one sent part.</summary>
/// <param name="Recipient">The recipient the report is about (E.164 when international).</param>
/// <param name="MessageReference">TP-MR of the sent part.</param>
/// <param name="Delivered">True when the part reached the handset.</param>
/// <param name="IsFinal">False while the network is still trying (TP-ST 0x20–0x3F).</param>
/// <param name="Status">The raw TP-ST value.</param>
/// <param name="DischargeTime">When the network delivered or gave up.</param>
public sealed record DeliveryReport(
    string Recipient,
    int MessageReference,
    bool Delivered,
    bool IsFinal,
    int Status,
    DateTimeOffset DischargeTime);
