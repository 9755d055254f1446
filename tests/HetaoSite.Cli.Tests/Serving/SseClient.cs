namespace HetaoSite.Cli.Tests.Serving;

/// <summary>A minimal Server-Sent Events reader for tests: every wait is bounded.</summary>
public sealed class SseClient : IDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;
    private readonly List<string> _seen = [];

    private SseClient(HttpResponseMessage response, StreamReader reader)
    {
        _response = response;
        _reader = reader;
    }

    public string ContentType => _response.Content.Headers.ContentType?.MediaType ?? string.Empty;

    public static async Task<SseClient> ConnectAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        var stream = await response.Content.ReadAsStreamAsync();
        return new SseClient(response, new StreamReader(stream));
    }

    /// <summary>Reads events until one named <paramref name="name"/> arrives; fails with what was seen after <paramref name="timeout"/>.</summary>
    public async Task<string> WaitForAsync(string name, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            while (true)
            {
                var (eventName, data) = await NextAsync(cancel.Token);
                _seen.Add($"{eventName}: {data}");
                if (eventName == name)
                {
                    return data;
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"expected a '{name}' event within {timeout.TotalSeconds} s; saw: [{string.Join(" | ", _seen)}]");
        }
    }

    public void Dispose()
    {
        _reader.Dispose();
        _response.Dispose();
    }

    private async Task<(string Event, string Data)> NextAsync(CancellationToken token)
    {
        var eventName = "message";
        var data = new List<string>();
        while (true)
        {
            var line = await _reader.ReadLineAsync(token) ?? throw new EndOfStreamException($"the event stream ended; saw: [{string.Join(" | ", _seen)}]");
            if (line.Length == 0)
            {
                if (data.Count > 0)
                {
                    return (eventName, string.Join("\n", data));
                }

                eventName = "message";
                continue;
            }

            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                eventName = line["event: ".Length..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                data.Add(line["data: ".Length..]);
            }
        }
    }
}
