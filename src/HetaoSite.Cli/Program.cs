using System.Text;
using HetaoSite.Cli;

Console.OutputEncoding = Encoding.UTF8;
Console.InputEncoding = Encoding.UTF8;
// This process runs one command and exits: a build may let its heap grow before collecting (CollectionBudget).
CollectionBudget.OneShotProcess = true;
return CommandLine.Run(args, Console.In, Console.Out, Console.Error);
