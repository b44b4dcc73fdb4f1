from pharmacy_desk.cli import main

raise SystemExit(main())
