Console.WriteLine("artgallery: under construction");
