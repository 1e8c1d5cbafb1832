namespace Runtime.Cluster.Messaging;

/// <summary>What a frame of the silo protocol carries.</summary>
internal enum FrameKind : byte
{
    /// <summary>Client → silo, first frame of a connection: the cluster secret (UTF-8).</summary>
    Hello = 1,

    /// <summary>A grain call (CallCodec request JSON); its id comes back on the answer.</summary>
    Call = 2,

    /// <summary>A call's result (CallCodec result JSON).</summary>
    Result = 3,

    /// <summary>A call's failure (CallCodec error JSON); id 0 refuses the whole connection.</summary>
    Error = 4,

    /// <summary>Liveness probe, answered by the silo's reader loop without touching grains.</summary>
    Ping = 5,

    Pong = 6,
}
