Console.WriteLine("load test");
