import Router

await RouterCommand.main()
