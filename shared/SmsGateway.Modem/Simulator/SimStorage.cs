namespace SmsGateway.Modem.Simulator;

/// <summary>The SMS slots of the simulated SIM ("SM" storage); thread-safe, survives reconnects.</summary>
public sealed class SimStorage
{
    private readonly Lock _lock = new();
    private readonly SimMessage?[] _slots;

    public SimStorage(int size)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        _slots = new SimMessage?[size];
    }

    /// <summary>Number of slots.</summary>
    public int Capacity => _slots.Length;

    /// <summary>Number of occupied slots.</summary>
    public int Used
    {
        get
        {
            lock (_lock)
            {
                return _slots.Count(slot => slot is not null);
            }
        }
    }

    /// <summary>A snapshot of the occupied slots in index order.</summary>
    public IReadOnlyList<SimMessage> Messages
    {
        get
        {
            lock (_lock)
            {
                return [.. _slots.OfType<SimMessage>()];
            }
        }
    }

    /// <summary>Stores <paramref name="pdu"/> in the lowest free slot and returns its index, or null when the SIM is full.</summary>
    public int? Store(SimMessageStatus status, string pdu)
    {
        lock (_lock)
        {
            var free = Array.IndexOf(_slots, null);
            if (free < 0)
            {
                return null;
            }

            _slots[free] = new SimMessage(free + 1, status, pdu);
            return free + 1;
        }
    }

    /// <summary>True when <paramref name="index"/> names a slot (occupied or not).</summary>
    public bool IsValidIndex(int index) => index >= 1 && index <= _slots.Length;

    /// <summary>Reads a slot; an unread message becomes read when <paramref name="markRead"/> is set.</summary>
    public SimMessage? Read(int index, bool markRead = true)
    {
        lock (_lock)
        {
            if (!IsValidIndex(index) || _slots[index - 1] is not { } message)
            {
                return null;
            }

            if (markRead && message.Status == SimMessageStatus.ReceivedUnread)
            {
                _slots[index - 1] = message with { Status = SimMessageStatus.ReceivedRead };
            }

            return message;
        }
    }

    /// <summary>Lists the messages with <paramref name="status"/> (null: all), marking unread ones read, as <c>AT+CMGL</c> does.</summary>
    public IReadOnlyList<SimMessage> List(SimMessageStatus? status)
    {
        lock (_lock)
        {
            var listed = _slots.OfType<SimMessage>().Where(m => status is null || m.Status == status).ToList();
            foreach (var message in listed.Where(m => m.Status == SimMessageStatus.ReceivedUnread))
            {
                _slots[message.Index - 1] = message with { Status = SimMessageStatus.ReceivedRead };
            }

            return listed;
        }
    }

    /// <summary>Empties one slot; returns false when it was empty.</summary>
    public bool Delete(int index)
    {
        lock (_lock)
        {
            if (!IsValidIndex(index) || _slots[index - 1] is null)
            {
                return false;
            }

            _slots[index - 1] = null;
            return true;
        }
    }

    /// <summary>
    /// Deletes by the <c>&lt;delflag&gt;</c> of <c>AT+CMGD</c>: 1 read, 2 read and sent, 3 read, sent and unsent, 4 all.
    /// </summary>
    public void DeleteMany(int flag)
    {
        lock (_lock)
        {
            for (var i = 0; i < _slots.Length; i++)
            {
                if (_slots[i] is { } message && IsDeletedBy(message.Status, flag))
                {
                    _slots[i] = null;
                }
            }
        }
    }

    /// <summary>Empties the whole storage (a new SIM).</summary>
    public void Clear() => DeleteMany(4);

    private static bool IsDeletedBy(SimMessageStatus status, int flag) => flag switch
    {
        1 => status == SimMessageStatus.ReceivedRead,
        2 => status is SimMessageStatus.ReceivedRead or SimMessageStatus.StoredSent,
        3 => status != SimMessageStatus.ReceivedUnread,
        _ => true,
    };
}
