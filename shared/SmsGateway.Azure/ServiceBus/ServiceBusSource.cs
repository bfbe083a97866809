namespace SmsGateway.Azure.ServiceBus;

/// <summary>One receivable entity of the topic: a subscription, or its dead-letter sub-queue.</summary>
public readonly record struct ServiceBusSource(string Subscription, bool DeadLetterQueue = false)
{
    public ServiceBusSource ToDeadLetterQueue() => this with { DeadLetterQueue = true };

    public override string ToString() => DeadLetterQueue ? Subscription + "/$deadletterqueue" : Subscription;
}
