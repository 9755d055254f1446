using System.Text;
using HetaoSite.Cli;
using HetaoSite.Cli.Commands;

Console.OutputEncoding = Encoding.UTF8;

// Each article's work runs under a watchdog task while the parallel loop's worker waits for it; enough pool threads
// up front keep those waits from starving the pool on a 2-core machine.
ThreadPool.GetMinThreads(out var workers, out var io);
ThreadPool.SetMinThreads(Math.Max(workers, Environment.ProcessorCount * 4), io);
Console.InputEncoding = Encoding.UTF8;
return CommandLine.Run(args, Console.In, Console.Out, Console.Error);
