// The project's indicator vocabulary: the things vocational-education reports count, each with
// the subjects (as the extractor names them, Simplified) that count it. Data only; the matching
// lives in indicators.ts. Built from the subjects of the annotated development, seed and real
// documents (../shared/eval/*/*.gold.json) and of the shared corpus.
import type { MetricCategory } from '../extract/types.ts';

/**
 * - stock: a level at a date (schools, teachers, majors): one year's figures of different places
 *   add up, the same place's figures of different years do not;
 * - flow: counted over a period (trainees, papers): years add up too;
 * - rate: a share or ratio: never added.
 */
export type Measure = 'stock' | 'flow' | 'rate';

export interface IndicatorEntry {
	/** stable id, stored in the corpus */
	id: string;
	zh: string;
	en: string;
	measure: Measure;
	/** subjects that are exactly this indicator */
	terms: readonly string[];
	/** a subject ending with one of these is this indicator (the longest match over all entries wins) */
	endings?: readonly string[];
	/** a subject containing one of these is this indicator (the longest match wins) */
	contains?: readonly string[];
	/** only figures of these categories match (a 学校 that took part is not a school count) */
	categories?: readonly MetricCategory[];
	/** only figures in these units match */
	units?: readonly string[];
	/** the indicator of a figure without subject of this category (and unit) */
	fallback?: { category: MetricCategory; units: readonly string[] };
	/** false for what describes an event or a campus rather than an achievement (attendees, floor area): never an overview headline */
	headline?: false;
}

const PEOPLE = ['人', '名', '人次', '位', '人(次)', '余人', '万人', '万人次'];
const COUNT = ['个', '项', '家', '所', '种', '支', '类', '大类', '件', '份', '篇', '部', '本', '册', '批', '场', '次', '届', '场次', '期'];
const MONEY = ['元', '万元', '亿元'];

export const VOCABULARY: readonly IndicatorEntry[] = [
	// Schools and bodies
	{
		id: 'schools',
		zh: '职业院校',
		en: 'Vocational schools',
		measure: 'stock',
		terms: ['职业院校', '职业学校', '学校', '学校总数', '院校', '中高职院校'],
		endings: ['职业院校', '职业学校', '中职学校', '中职院校', '高职院校', '中等职业学校', '高等职业学校', '中等职业教育学校', '技工学校', '技工院校', '职业高中', '普通中专', '成人中专', '中等专业学校', '职教中心', '本科学校', '本科院校', '试点院校', '培养院校', '示范学校', '示范校', '高职学校', '学院', '中专学校', '院校', '双高校'],
		categories: ['institution', 'other', 'rate', 'program', 'research', 'publication', 'training', 'event', 'international'],
		units: ['所', '个', '家']
	},
	{
		id: 'participating-schools',
		headline: false,
		zh: '参与院校',
		en: 'Schools taking part',
		measure: 'flow',
		terms: ['职业院校', '学校', '院校', '中职学校', '高职院校', '中高职院校', '兄弟学校', '本科高校'],
		endings: ['院校', '学校', '学院', '高校'],
		categories: ['participation'],
		units: ['所', '个', '家']
	},
	{
		id: 'vocational-groups',
		zh: '职教集团与产教联合体',
		en: 'Vocational groups and industry–education alliances',
		measure: 'stock',
		terms: ['职教集团'],
		contains: ['职教集团', '职业教育集团', '产教联合体', '共同体', '产教融合联盟'],
		units: COUNT
	},
	{
		id: 'industry-colleges',
		zh: '产业学院',
		en: 'Industry colleges',
		measure: 'stock',
		terms: [],
		contains: ['产业学院', '海丝学院', '鲁班工坊', '丝路学院'],
		units: COUNT
	},
	{
		id: 'training-bases',
		zh: '实训基地',
		en: 'Training bases',
		measure: 'stock',
		terms: ['基地'],
		endings: ['基地', '实训室', '实训中心', '实训基', '实训区'],
		units: COUNT
	},
	{
		id: 'studios',
		zh: '技能大师工作室',
		en: 'Master studios',
		measure: 'stock',
		terms: [],
		endings: ['工作室', '工作间', '创新中心'],
		units: COUNT
	},
	{
		id: 'pilots',
		zh: '试点与示范',
		en: 'Pilots and model sites',
		measure: 'stock',
		terms: [],
		contains: ['试点', '试验区', '示范县', '实施县', '项目县', '项目实施县'],
		units: COUNT
	},
	{
		id: 'branches',
		zh: '组织机构',
		en: 'Branch organisations',
		measure: 'stock',
		terms: ['省级组织', '区县社', '分支机构'],
		endings: ['组织', '级社', '指导委员会', '教学指导委员会'],
		categories: ['institution', 'other'],
		units: COUNT
	},
	{
		id: 'members',
		zh: '社员',
		en: 'Members',
		measure: 'stock',
		terms: ['团体社员', '个人社员', '社员'],
		endings: ['社员', '会员'],
		units: [...COUNT, ...PEOPLE]
	},
	// Programmes
	{
		id: 'majors',
		zh: '专业',
		en: 'Majors',
		measure: 'stock',
		terms: ['专业', '专业点', '专业布点', '开设的专业', '招生专业', '覆盖的专业点', '贯通专业'],
		endings: ['专业', '专业点', '专业布点'],
		units: ['个', '种', '门']
	},
	{
		id: 'new-majors',
		zh: '新增专业',
		en: 'New majors',
		measure: 'flow',
		terms: ['新增专业', '增设专业', '增设专业布点', '新增专业点'],
		contains: ['新增专业', '增设专业', '新设专业', '新增专业点'],
		units: ['个', '种']
	},
	{
		id: 'closed-majors',
		zh: '撤停专业',
		en: 'Majors closed',
		measure: 'flow',
		terms: ['停止招生专业', '停招专业', '撤并专业布点', '撤并专业'],
		contains: ['撤并', '停止招生', '停招', '撤销专业'],
		units: ['个', '种']
	},
	{
		id: 'key-majors',
		zh: '重点专业',
		en: 'Key majors',
		measure: 'stock',
		terms: [],
		contains: ['重点专业', '骨干专业', '精品专业', '特色专业', '专业群', '品牌专业'],
		units: ['个', '种']
	},
	{
		id: 'major-categories',
		zh: '专业大类',
		en: 'Major groups',
		measure: 'stock',
		terms: ['专业大类', '大类', '专业类', '专业类别', '专业小类'],
		endings: ['专业大类', '专业类别', '专业类'],
		units: ['个', '大类', '类']
	},
	{
		id: 'courses',
		zh: '课程与教材',
		en: 'Courses and textbooks',
		measure: 'flow',
		terms: ['课程', '教材'],
		endings: ['课程', '教材', '精品课', '资源库'],
		units: [...COUNT, '门']
	},
	// Students and graduates
	{
		id: 'enrolment',
		zh: '在校生',
		en: 'Students enrolled',
		measure: 'stock',
		terms: ['在校生', '在校学生', '学生'],
		contains: ['在校生', '在校学生'],
		categories: ['other', 'institution', 'training', 'international', 'program'],
		units: PEOPLE
	},
	{
		id: 'new-students',
		zh: '招生',
		en: 'New students',
		measure: 'flow',
		terms: ['招生', '招生数', '招生总规模'],
		contains: ['招生', '招收新生', '录取新生', '新生'],
		units: PEOPLE
	},
	{
		id: 'graduates',
		zh: '毕业生',
		en: 'Graduates',
		measure: 'flow',
		terms: ['毕业生', '毕业', '培养技能人才', '输送技能人才', '技能人才'],
		endings: ['毕业', '毕业生', '技能人才'],
		units: PEOPLE
	},
	{
		id: 'employment-rate',
		zh: '就业率',
		en: 'Employment rate',
		measure: 'rate',
		terms: ['就业率'],
		contains: ['就业率'],
		units: ['%']
	},
	{
		id: 'further-study',
		zh: '升学',
		en: 'Further study',
		measure: 'flow',
		terms: [],
		contains: ['升学', '专升本', '进入本科'],
		units: PEOPLE
	},
	{
		id: 'jobs',
		zh: '就业',
		en: 'People placed in jobs',
		measure: 'flow',
		terms: ['就业', '转移就业', '帮助找到工作', '实现就业'],
		endings: ['就业', '找到工作'],
		units: PEOPLE
	},
	{
		id: 'student-aid',
		zh: '资助学生',
		en: 'Students aided',
		measure: 'flow',
		terms: ['资助学生', '受助学生'],
		contains: ['资助', '困难学生', '受助', '奖学金', '助学金'],
		units: PEOPLE
	},
	// Training
	{
		id: 'trainees',
		zh: '培训人次',
		en: 'People trained',
		measure: 'flow',
		terms: ['培训', '参训', '各类培训', '公益培训', '培训人员', '培训学员', '培训员工', '培训农民学员', '受训', '训练'],
		contains: ['培训', '参训', '受训', '学员'],
		units: PEOPLE,
		fallback: { category: 'training', units: PEOPLE }
	},
	{
		id: 'teachers-trained',
		zh: '培训教师',
		en: 'Teachers trained',
		measure: 'flow',
		terms: ['培训教师', '教师培训', '培训校长', '培训师资'],
		contains: ['培训教师', '教师培训', '师资培训', '培训校长', '培训师资', '国培'],
		units: PEOPLE
	},
	{
		id: 'certificates',
		zh: '职业证书',
		en: 'Vocational certificates',
		measure: 'flow',
		terms: ['取证', '证书'],
		contains: ['证书', '取证', '技能等级认定'],
		units: [...PEOPLE, '个', '本', '张', '份']
	},
	// Staff
	{
		id: 'teachers',
		zh: '教师',
		en: 'Teachers',
		measure: 'stock',
		terms: ['教师', '专任教师', '专职教师', '教职工', '兼职教师'],
		endings: ['教师', '教职工', '双师型教师'],
		categories: ['other', 'institution', 'international', 'program'],
		units: PEOPLE
	},
	{
		id: 'skill-masters',
		zh: '技能人才荣誉',
		en: 'Honoured skilled workers',
		measure: 'flow',
		terms: [],
		contains: ['技术能手', '技能大奖', '技能大师', '大国工匠', '劳动模范', '名师'],
		units: PEOPLE
	},
	// Research and publications
	{
		id: 'research-projects',
		zh: '科研课题',
		en: 'Research projects',
		measure: 'flow',
		terms: ['课题', '立项课题', '研究课题', '科研项目', '研究项目', '科研课题'],
		contains: ['课题', '科研项目', '研究项目'],
		units: COUNT
	},
	{
		id: 'research-reports',
		zh: '研究报告',
		en: 'Research reports',
		measure: 'flow',
		terms: ['研究报告', '调研报告', '报告'],
		endings: ['研究报告', '调研报告', '咨询报告', '报告'],
		units: ['份', '篇', '个', '项', '部', '本', '册']
	},
	{
		id: 'papers',
		zh: '论文',
		en: 'Papers',
		measure: 'flow',
		terms: ['论文', '文章'],
		contains: ['论文'],
		endings: ['文章'],
		units: ['篇', '份', '个', '项']
	},
	{
		id: 'publications',
		zh: '著作与书刊',
		en: 'Books and journals',
		measure: 'flow',
		terms: ['著作', '专著', '书籍', '期刊'],
		endings: ['著作', '专著', '书籍', '丛书', '期刊', '刊物', '案例', '案例集', '动态', '观察'],
		units: ['部', '本', '册', '种', '期', '套', '篇', '个']
	},
	{
		id: 'patents',
		zh: '专利',
		en: 'Patents',
		measure: 'flow',
		terms: ['专利'],
		contains: ['专利'],
		units: ['项', '件', '个']
	},
	{
		id: 'standards',
		zh: '标准',
		en: 'Standards',
		measure: 'flow',
		terms: ['标准', '教学标准', '专业教学标准'],
		endings: ['标准', '规范'],
		units: ['个', '项', '份', '套', '部', '种', '门']
	},
	{
		id: 'achievements-transferred',
		zh: '技术服务与成果转化',
		en: 'Technical services and transferred results',
		measure: 'flow',
		terms: ['技术服务项目', '转化科技成果'],
		contains: ['技术服务', '成果转化', '转化科技成果', '技术交易'],
		units: [...COUNT, ...MONEY]
	},
	{
		id: 'teaching-awards',
		zh: '教学成果奖',
		en: 'Teaching achievement awards',
		measure: 'flow',
		terms: ['教学成果奖'],
		contains: ['教学成果'],
		units: COUNT
	},
	// Enterprises and cooperation
	{
		id: 'partner-companies',
		zh: '合作企业',
		en: 'Partner companies',
		measure: 'stock',
		terms: ['合作企业', '企业', '参与企业', '参与职业教育的企业', '知名企业和机构', '国防企事业单位'],
		contains: ['企业'],
		units: ['家', '个', '所']
	},
	{
		id: 'cooperation-projects',
		zh: '合作项目',
		en: 'Cooperation projects',
		measure: 'flow',
		terms: ['合作项目', '校企合作项目', '校企地合作项目', '国际合作'],
		endings: ['合作项目', '合作'],
		units: COUNT
	},
	{
		id: 'order-classes',
		zh: '订单班',
		en: 'Order classes',
		measure: 'flow',
		terms: ['订单班'],
		contains: ['订单班', '冠名班'],
		units: [...COUNT, '班', ...PEOPLE]
	},
	// Money
	{
		id: 'funds',
		zh: '资金投入',
		en: 'Funding',
		measure: 'flow',
		terms: ['投入资金', '资金', '经费', '专项资金', '募集善款', '募集资金', '善款', '捐款'],
		endings: ['资金', '经费', '拨款', '善款', '捐款', '投入', '款', '投资'],
		units: MONEY
	},
	{
		id: 'equipment-value',
		headline: false,
		zh: '设备资产',
		en: 'Equipment value',
		measure: 'stock',
		terms: [],
		contains: ['设备'],
		units: MONEY
	},
	// Campus
	{
		id: 'floor-area',
		headline: false,
		zh: '校舍面积',
		en: 'Floor and campus area',
		measure: 'stock',
		terms: ['建筑面积', '占地', '占地面积', '学校占地面积'],
		contains: ['面积', '占地', '用房', '宿舍'],
		units: ['平方米', '亩', '万平方米', '公顷']
	},
	{
		id: 'library-books',
		headline: false,
		zh: '图书藏量',
		en: 'Library books',
		measure: 'stock',
		terms: ['馆藏图书', '图书藏量', '图书', '藏书'],
		contains: ['图书', '藏书'],
		units: ['册', '万册']
	},
	// Events and contests
	{
		id: 'contest-events',
		headline: false,
		zh: '竞赛赛项',
		en: 'Contest events',
		measure: 'flow',
		terms: ['赛项', '比赛项目', '竞赛项目', '单项', '承办项目'],
		endings: ['赛项', '比赛项目', '竞赛项目', '组项目', '选拔项目'],
		units: COUNT
	},
	{
		id: 'contests',
		zh: '技能大赛',
		en: 'Skills contests',
		measure: 'flow',
		terms: ['技能大赛', '比赛', '竞赛'],
		endings: ['大赛', '比赛', '竞赛', '技能大赛', '类比赛'],
		units: ['届', '项', '次', '场', '个']
	},
	{
		id: 'contestants',
		headline: false,
		zh: '参赛选手',
		en: 'Contestants',
		measure: 'flow',
		terms: ['选手', '参赛选手', '参赛学生', '参赛教师', '参赛'],
		contains: ['选手', '参赛', '参加团体赛', '参加个人赛', '参加职业技能竞赛'],
		units: PEOPLE
	},
	{
		id: 'teams',
		headline: false,
		zh: '参赛队',
		en: 'Teams',
		measure: 'flow',
		terms: ['代表队', '参赛队', '派出队伍', '队伍'],
		endings: ['代表队', '参赛队', '队伍'],
		units: ['支', '个', '队']
	},
	{
		id: 'awards',
		zh: '获奖',
		en: 'Awards won',
		measure: 'flow',
		terms: ['一等奖', '二等奖', '三等奖', '特等奖', '优秀奖', '金奖', '银奖', '铜奖', '奖项'],
		contains: ['一等奖', '二等奖', '三等奖', '特等奖', '优秀奖', '金奖', '银奖', '铜奖', '团体奖', '贡献奖', '指导教师奖', '奖项'],
		units: [...COUNT, ...PEOPLE]
	},
	{
		id: 'events',
		zh: '活动与会议',
		en: 'Events and meetings',
		measure: 'flow',
		terms: ['活动', '会议', '论坛', '讲座', '调研座谈会'],
		endings: ['活动', '活动周', '会议', '论坛', '讲座', '座谈会', '对话会', '研讨会', '交流会', '学习', '报告会', '宣讲', '培训班'],
		units: ['场', '次', '届', '期', '个', '项', '场次', '批']
	},
	{
		id: 'attendees',
		headline: false,
		zh: '参会人数',
		en: 'Attendees',
		measure: 'flow',
		terms: ['代表', '参会', '参加会议', '出席大会', '现场参会', '网络在线参会', '嘉宾', '演讲嘉宾', '师生', '观众', '工作人员'],
		endings: ['代表', '参会', '嘉宾', '负责同志', '负责人', '师生', '人士', '学者', '观众', '市民', '专家', '领导', '工作人员', '一行', '同学', '家长', '媒体', '学生', '教师', '老师', '精英', '领队', '受众', '参加', '学术交流', '学习交流', '论坛', '裁判', '记者', '校长', '线上线下'],
		categories: ['participation', 'international', 'event'],
		units: PEOPLE,
		fallback: { category: 'participation', units: PEOPLE }
	},
	{
		id: 'participating-bodies',
		headline: false,
		zh: '参与单位',
		en: 'Bodies taking part',
		measure: 'flow',
		terms: ['单位', '部门', '主办单位', '发起单位', '交流发言单位', '行业协会', '期刊和媒体', '新闻媒体', '公益伙伴'],
		endings: ['单位', '部门', '协会', '机构', '媒体', '伙伴', '教育局'],
		categories: ['participation', 'institution', 'international', 'other'],
		units: ['个', '家', '所']
	},
	{
		id: 'participating-regions',
		headline: false,
		zh: '参与地区',
		en: 'Regions taking part',
		measure: 'flow',
		terms: ['省份', '省区市', '省市', '城市', '市', '盟市', '省(自治区、直辖市)', '地区', '赛区'],
		endings: ['省份', '省区市', '省市', '城市', '盟市', '地市', '县市', '区县', '地区', '赛区'],
		units: ['个']
	},
	{
		id: 'countries',
		headline: false,
		zh: '国家和地区',
		en: 'Countries and regions',
		measure: 'flow',
		terms: ['国家', '国家和地区', '国家和地区的'],
		endings: ['国家', '国家和地区'],
		units: ['个']
	},
	{
		id: 'exchange-visits',
		zh: '交流访问',
		en: 'Exchange visits',
		measure: 'flow',
		terms: ['出境考察'],
		contains: ['考察', '来访', '团组', '出访', '访问'],
		units: ['批', '人次', '个', '次', '人', '团']
	},
	{
		id: 'registered-users',
		headline: false,
		zh: '注册人数',
		en: 'Registered users',
		measure: 'flow',
		terms: ['注册', '注册用户', '注册人数'],
		contains: ['注册'],
		units: PEOPLE
	},
	{
		id: 'visitors',
		headline: false,
		zh: '观展与受众',
		en: 'Visitors and audience',
		measure: 'flow',
		terms: ['参观', '观看', '浏览', '点击'],
		contains: ['参观', '观看', '浏览量', '点击量', '观展'],
		units: [...PEOPLE, '次', '万次']
	}
];
