// Words of the field that jieba's own dictionary splits apart (产业|集群, 调查|失业率) and that
// people ask about whole. Each is general vocabulary of Chinese economic and industrial policy,
// used by reports of many places and years (test/lexicon.test.ts checks that every one occurs in
// at least two documents of the library); a term of one document comes from that document itself
// (its “” and 《》 terms, see corpus.ts) or from the seeds folder's lexicon file.
export const DOMAIN_TERMS: readonly string[] = [
  '工业互联网', '先进制造业', '上云上平台', '新型显示', '信息消费', '智能工厂', '数字化车间', '减税降费', '地级市',
  '增加值', '国内生产总值', '地区生产总值', '生产总值', '创新中心', '产业集群', '智能制造', '人工智能', '机器人',
  '新增就业', '调查失业率', '居民消费价格', '赤字率', '粮食产量', '能耗', '智能装备', '新材料', '生物医药',
  '新能源汽车', '物联网', '大数据', '云计算', '区块链', '集成电路', '中小企业', '小微企业', '规模以上',
  '一般公共预算', '专项债券', '超长期特别国债', '研发经费', '数字经济', '核心产业', '5G',
];
