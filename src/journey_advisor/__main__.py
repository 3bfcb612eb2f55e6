from journey_advisor.cli import main

main()
