namespace SmsGateway.Modem.Simulator;

/// <summary>
/// What the simulated modem remembers. The SIM storage, the message reference counter and injected faults
/// outlive a lost connection; the AT settings return to their power-up values in <see cref="PowerCycle"/>,
/// which runs when the device "vanishes", so a driver must initialise it again after a reconnect.
/// </summary>
public sealed class SimulatedModemState
{
    private readonly Lock _lock = new();
    private int _nextMessageReference;
    private int _failureCode;
    private int _failureCount;
    private int _failureSkip;
    private int _lostAnswerCount;
    private int _lostAnswerSkip;
    private long _hangUntilTicks;

    public SimulatedModemState(SimulatorOptions options)
    {
        Options = options;
        Dialect = SimDialects.Find(options.Dialect)
            ?? throw new ArgumentException($"Modem:Simulator:Dialect '{options.Dialect}' is not one of {string.Join(", ", SimDialects.Names)}.", nameof(options));
        Storage = new SimStorage(options.StorageSize);
        SmscAddress = options.SmscAddress;
        SignalRssi = options.SignalRssi;
        PowerCycle();
    }

    public SimulatorOptions Options { get; }

    /// <summary>The quirks of the modem family the simulator plays (<see cref="SimulatorOptions.Dialect"/>).</summary>
    public SimDialect Dialect { get; }

    /// <summary>The SMS slots of the SIM.</summary>
    public SimStorage Storage { get; }

    /// <summary>Echo of received characters (<c>ATE</c>), on at power-up.</summary>
    public bool Echo { get; set; }

    /// <summary><c>AT+CMEE</c>: 0 plain ERROR, 1 numeric, 2 verbose.</summary>
    public int ErrorMode { get; set; }

    /// <summary><c>AT+CMGF</c>: true for PDU mode (0).</summary>
    public bool PduMode { get; set; }

    /// <summary><c>AT+CNMI</c> values: mode, mt, bm, ds, bfr.</summary>
    public IReadOnlyList<int> NewMessageIndication { get; set; } = [0, 0, 0, 0, 0];

    /// <summary><c>AT+CREG</c> URC mode.</summary>
    public int RegistrationMode { get; set; }

    /// <summary><c>AT+CGREG</c> URC mode.</summary>
    public int GprsRegistrationMode { get; set; }

    /// <summary><c>AT+CSMS</c> message service.</summary>
    public int MessageService { get; set; }

    /// <summary><c>AT+CMMS</c>: keep the SMS link open between sends.</summary>
    public int MoreMessagesMode { get; set; }

    /// <summary><c>AT+CSCS</c> character set.</summary>
    public string Charset { get; set; } = "IRA";

    /// <summary><c>AT+COPS=3,&lt;format&gt;</c>: 0 long name, 1 short name, 2 numeric.</summary>
    public int OperatorFormat { get; set; }

    /// <summary>False while the SIM waits for its PIN.</summary>
    public bool SimReady { get; set; }

    /// <summary>Vendor URCs until a Huawei-style <c>AT^CURC=0</c> turns them off.</summary>
    public bool VendorUrcs { get; set; }

    /// <summary>Service centre address (<c>AT+CSCA</c>); kept on the SIM.</summary>
    public string SmscAddress { get; set; }

    /// <summary>Current <c>AT+CSQ</c> RSSI.</summary>
    public int SignalRssi { get; set; }

    /// <summary>Whether the modem is registered to the (home) network once the SIM is ready.</summary>
    public bool NetworkAvailable { get; set; } = true;

    /// <summary>Registered: the SIM is ready and the network is there.</summary>
    public bool Registered => SimReady && NetworkAvailable;

    /// <summary>True when new SMS are stored and announced with <c>+CMTI</c> (CNMI mt 1 or 3).</summary>
    public bool IndicatesStoredMessages => NewMessageIndication[1] is 1 or 3;

    /// <summary>True when new SMS are routed straight to the host with <c>+CMT</c> (CNMI mt 2).</summary>
    public bool RoutesMessagesDirectly => NewMessageIndication[1] == 2;

    /// <summary>CNMI ds: 0 none, 1 <c>+CDS</c> with the PDU, 2 stored and announced with <c>+CDSI</c>.</summary>
    public int StatusReportRouting => NewMessageIndication[3];

    /// <summary>Returns the settings to their power-up values and locks the SIM again if it has a PIN.</summary>
    public void PowerCycle()
    {
        ResetProfile();
        NewMessageIndication = [0, 0, 0, 0, 0];
        RegistrationMode = 0;
        GprsRegistrationMode = 0;
        MessageService = 0;
        MoreMessagesMode = 0;
        Charset = "IRA";
        OperatorFormat = 0;
        PduMode = true;
        SimReady = string.IsNullOrEmpty(Options.Pin);
        VendorUrcs = Options.VendorUrcs;
    }

    /// <summary>What <c>ATZ</c> / <c>AT&amp;F</c> restore.</summary>
    public void ResetProfile()
    {
        Echo = true;
        ErrorMode = 0;
    }

    /// <summary>The TP-MR the modem gives the next submitted part (0–255, rolling).</summary>
    public int NextMessageReference()
    {
        lock (_lock)
        {
            _nextMessageReference = (_nextMessageReference + 1) % 256;
            return _nextMessageReference;
        }
    }

    /// <summary>
    /// Makes <paramref name="count"/> sends fail with <c>+CMS ERROR: &lt;code&gt;</c>, after <paramref name="afterParts"/>
    /// sends that go through (so part 2 of a multipart SMS can be the one that fails).
    /// </summary>
    public void FailNextSends(int cmsError, int count, int afterParts = 0)
    {
        lock (_lock)
        {
            _failureCode = cmsError;
            _failureCount = count;
            _failureSkip = afterParts;
        }
    }

    /// <summary>Consumes one injected send failure, if any is due.</summary>
    public int? TakeSendFailure()
    {
        lock (_lock)
        {
            if (_failureCount <= 0)
            {
                return null;
            }

            if (_failureSkip > 0)
            {
                _failureSkip--;
                return null;
            }

            _failureCount--;
            return _failureCode;
        }
    }

    /// <summary>
    /// Makes <paramref name="count"/> sends reach the air with no answer at all (the <c>+CMGS</c> is lost), after
    /// <paramref name="afterParts"/> sends that are answered: what the host sees as an unknown outcome.
    /// </summary>
    public void LoseNextAnswers(int count, int afterParts = 0)
    {
        lock (_lock)
        {
            _lostAnswerCount = count;
            _lostAnswerSkip = afterParts;
        }
    }

    /// <summary>True when this transmitted part's answer is to be lost.</summary>
    public bool TakeLostAnswer()
    {
        lock (_lock)
        {
            if (_lostAnswerCount <= 0)
            {
                return false;
            }

            if (_lostAnswerSkip > 0)
            {
                _lostAnswerSkip--;
                return false;
            }

            _lostAnswerCount--;
            return true;
        }
    }

    /// <summary>Makes the modem deaf and mute until <paramref name="until"/>.</summary>
    public void HangUntil(DateTimeOffset until) => Interlocked.Exchange(ref _hangUntilTicks, until.UtcTicks);

    /// <summary>True while a hang is in force.</summary>
    public bool IsHung(DateTimeOffset now) => now.UtcTicks < Interlocked.Read(ref _hangUntilTicks);
}
