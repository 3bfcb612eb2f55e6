from journey_advisor.cli.main import main

main()
